import { defineFeature } from '@/router/registry'

export default defineFeature({
  publicRoutes: [{ path: 'verify', name: 'verify-report', component: () => import('./views/VerifyReportView.vue') }],
})
