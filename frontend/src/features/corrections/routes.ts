import { defineFeature } from '@/router/registry'

/** The correction loop's page: a draft's edit form (the entry form, filled in). */
export default defineFeature({
  consoleRoutes: [
    {
      path: 'records/:id/edit',
      name: 'console-record-edit',
      meta: { permission: 'ENTER_RECORDS', title: 'corrections.editTitle' },
      component: () => import('@/features/records/views/RecordEntryView.vue'),
    },
  ],
})
