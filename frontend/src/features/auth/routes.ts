import { defineFeature } from '@/router/registry'

// Sign-in lives in the public layout: it is where a signed-out user lands.
export default defineFeature({
  publicRoutes: [{ path: 'console/login', name: 'console-login', component: () => import('./views/LoginView.vue') }],
})
