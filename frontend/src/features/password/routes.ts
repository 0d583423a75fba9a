import { defineFeature } from '@/router/registry'

// Reached from the header (every signed-in user), and forced after a password reset.
export default defineFeature({
  consoleRoutes: [
    {
      path: 'password',
      name: 'console-password',
      meta: { permission: 'CHANGE_OWN_PASSWORD', title: 'password.title' },
      component: () => import('./views/PasswordChangeView.vue'),
    },
  ],
})
