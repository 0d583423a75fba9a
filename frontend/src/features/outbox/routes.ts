import { Promotion } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'outbox',
      name: 'console-outbox',
      meta: { permission: 'VIEW_DELIVERIES', title: 'outbox.title' },
      component: () => import('./views/OutboxView.vue'),
    },
  ],
  menu: [{ label: 'outbox.title', icon: Promotion, route: 'console-outbox', permission: 'VIEW_DELIVERIES', group: 'admin', order: 960 }],
})
