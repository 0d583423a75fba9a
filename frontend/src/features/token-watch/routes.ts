import { defineFeature } from '@/router/registry'

// Reached from the API-tokens page (a token's 关注与投递), not from the menu.
export default defineFeature({
  consoleRoutes: [
    {
      path: 'api-tokens/:id/watch',
      name: 'console-api-token-watch',
      meta: { permission: 'MANAGE_API_TOKENS', title: 'tokenWatch.title' },
      component: () => import('./views/TokenWatchView.vue'),
    },
  ],
})
