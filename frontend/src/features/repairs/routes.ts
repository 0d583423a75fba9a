import { FirstAidKit } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'repairs',
      name: 'console-repairs',
      meta: { permission: 'HANDLE_REPAIRS', title: 'repairs.title' },
      component: () => import('./views/RepairQueueView.vue'),
    },
    {
      path: 'repairs/apply',
      name: 'console-repair-apply',
      meta: { permission: 'APPLY_REPAIR', title: 'repairs.form.titleOnline' },
      component: () => import('./views/RepairApplyView.vue'),
    },
  ],
  menu: [{ label: 'repairs.title', icon: FirstAidKit, route: 'console-repairs', permission: 'HANDLE_REPAIRS', group: 'work', order: 610 }],
})
