import { defineFeature } from '@/router/registry'

export default defineFeature({
  publicRoutes: [
    { path: 'report', name: 'public-report', component: () => import('./views/PublicReportView.vue') },
    { path: 'report/progress', name: 'public-report-progress', component: () => import('./views/ReportProgressView.vue') },
  ],
})
