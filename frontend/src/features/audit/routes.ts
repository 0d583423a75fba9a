import { Tickets } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'audit',
      name: 'console-audit',
      meta: { permission: 'VIEW_AUDIT', title: 'audit.title' },
      component: () => import('./views/AuditLogView.vue'),
    },
  ],
  menu: [{ label: 'audit.title', icon: Tickets, route: 'console-audit', permission: 'VIEW_AUDIT', group: 'admin', order: 940 }],
})
