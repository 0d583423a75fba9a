import { Files } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'my-cases',
      name: 'console-my-cases',
      meta: { permission: 'VIEW_OWN_SUBJECT', title: 'myCases.title' },
      component: () => import('./views/MyCasesView.vue'),
    },
  ],
  menu: [{ label: 'myCases.title', icon: Files, route: 'console-my-cases', permission: 'VIEW_OWN_SUBJECT', group: 'work', order: 50 }],
})
