import { Bell } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'reports',
      name: 'console-reports',
      meta: { permission: 'HANDLE_REPORTS', title: 'reports.title' },
      component: () => import('./views/ReportQueueView.vue'),
    },
  ],
  menu: [{ label: 'reports.title', icon: Bell, route: 'console-reports', permission: 'HANDLE_REPORTS', group: 'work', order: 620 }],
})
