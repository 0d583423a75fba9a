import { Document, EditPen } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'records',
      name: 'console-records',
      meta: { permission: 'VIEW_INTERNAL', title: 'creditRecords.title' },
      component: () => import('./views/RecordListView.vue'),
    },
    {
      path: 'records/new',
      name: 'console-record-new',
      meta: { permission: 'ENTER_RECORDS', title: 'recordEntry.title' },
      component: () => import('./views/RecordEntryView.vue'),
    },
  ],
  menu: [
    { label: 'creditRecords.title', icon: Document, route: 'console-records', permission: 'VIEW_INTERNAL', group: 'work', order: 300 },
    { label: 'recordEntry.title', icon: EditPen, route: 'console-record-new', permission: 'ENTER_RECORDS', group: 'work', order: 310 },
  ],
})
