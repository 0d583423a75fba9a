import { defineFeature } from '@/router/registry'

export default defineFeature({
  publicRoutes: [
    { path: 'lists/:kind(red|watch|black)', name: 'list', component: () => import('./views/ListView.vue') },
  ],
})
