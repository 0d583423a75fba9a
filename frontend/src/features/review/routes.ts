import { Stamp } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'review',
      name: 'console-review',
      meta: { permission: 'REVIEW_RECORDS', title: 'review.title' },
      component: () => import('./views/ReviewQueueView.vue'),
    },
  ],
  menu: [{ label: 'review.title', icon: Stamp, route: 'console-review', permission: 'REVIEW_RECORDS', group: 'work', order: 400 }],
})
