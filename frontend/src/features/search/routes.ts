import { defineFeature } from '@/router/registry'

export default defineFeature({
  publicRoutes: [
    { path: '', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: 'search', name: 'search', component: () => import('./views/SearchResultsView.vue') },
  ],
})
