import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import PublicLayout from '@/layouts/PublicLayout.vue'

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: PublicLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/features/search/views/HomeView.vue') },
      { path: 'search', name: 'search', component: () => import('@/features/search/views/SearchResultsView.vue') },
      {
        path: 'subjects/:uscc',
        name: 'subject',
        component: () => import('@/features/subject/views/SubjectProfileView.vue'),
      },
      {
        path: 'lists/:kind(red|watch|black)',
        name: 'list',
        component: () => import('@/features/lists/views/ListView.vue'),
      },
      {
        path: 'console/login',
        name: 'console-login',
        component: () => import('@/features/console/views/LoginPlaceholderView.vue'),
      },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/shared/views/NotFoundView.vue') },
    ],
  },
]

export function createAppRouter() {
  return createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
}
