import { ChatLineSquare } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'objections',
      name: 'console-objections',
      meta: { permission: 'HANDLE_OBJECTIONS', title: 'objections.title' },
      component: () => import('./views/ObjectionQueueView.vue'),
    },
    {
      path: 'objections/file',
      name: 'console-objection-file',
      meta: { permission: 'FILE_OBJECTIONS', title: 'objections.form.titleOnline' },
      component: () => import('./views/ObjectionFileView.vue'),
    },
  ],
  menu: [
    {
      label: 'objections.title',
      icon: ChatLineSquare,
      route: 'console-objections',
      permission: 'HANDLE_OBJECTIONS',
      group: 'work',
      order: 600,
    },
  ],
})
