import { Key } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'api-tokens',
      name: 'console-api-tokens',
      meta: { permission: 'MANAGE_API_TOKENS', title: 'apiTokens.title' },
      component: () => import('./views/ApiTokensView.vue'),
    },
  ],
  menu: [
    { label: 'apiTokens.title', icon: Key, route: 'console-api-tokens', permission: 'MANAGE_API_TOKENS', group: 'admin', order: 920 },
  ],
})
