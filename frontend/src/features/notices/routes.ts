import { Notebook } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'notices',
      name: 'console-notices',
      meta: { permission: 'VIEW_INTERNAL', title: 'notices.title' },
      component: () => import('./views/NoticesView.vue'),
    },
  ],
  menu: [{ label: 'notices.title', icon: Notebook, route: 'console-notices', permission: 'VIEW_INTERNAL', group: 'work', order: 690 }],
})
