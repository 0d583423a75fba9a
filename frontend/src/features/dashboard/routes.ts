import { DataAnalysis } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: '',
      name: 'console-dashboard',
      meta: { permission: 'VIEW_INTERNAL', title: 'dashboard.title' },
      component: () => import('./views/DashboardView.vue'),
    },
  ],
  menu: [
    { label: 'dashboard.title', icon: DataAnalysis, route: 'console-dashboard', permission: 'VIEW_INTERNAL', group: 'work', order: 100 },
  ],
})
