import { Setting } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'policies',
      name: 'console-policies',
      meta: { permission: 'MANAGE_POLICIES', title: 'policies.title' },
      component: () => import('./views/PoliciesView.vue'),
    },
  ],
  menu: [{ label: 'policies.title', icon: Setting, route: 'console-policies', permission: 'MANAGE_POLICIES', group: 'admin', order: 940 }],
})
