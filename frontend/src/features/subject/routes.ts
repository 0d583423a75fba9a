import { defineFeature } from '@/router/registry'

export default defineFeature({
  publicRoutes: [{ path: 'subjects/:uscc', name: 'subject', component: () => import('./views/SubjectProfileView.vue') }],
})
