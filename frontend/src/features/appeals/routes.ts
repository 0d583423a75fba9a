import { Memo } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'appeals',
      name: 'console-appeals',
      meta: { permission: 'DECIDE_LISTS', title: 'appeals.title' },
      component: () => import('./views/AppealsView.vue'),
    },
  ],
  menu: [{ label: 'appeals.title', icon: Memo, route: 'console-appeals', permission: 'DECIDE_LISTS', group: 'work', order: 640 }],
})
