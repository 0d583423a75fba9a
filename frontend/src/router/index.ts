import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router'
import PublicLayout from '@/layouts/PublicLayout.vue'
import { features } from './features'
import { installGuard } from './guard'

export const routes: RouteRecordRaw[] = [
  {
    path: '/console',
    // Loaded on the way into the console: a citizen's first visit never downloads it.
    component: () => import('@/layouts/ConsoleLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      ...features.flatMap((f) => f.consoleRoutes ?? []),
      {
        path: 'forbidden',
        name: 'console-forbidden',
        meta: { title: 'console.forbidden' },
        component: () => import('@/layouts/ConsoleForbiddenView.vue'),
      },
      {
        path: ':pathMatch(.*)*',
        name: 'console-not-found',
        component: () => import('@/shared/views/NotFoundView.vue'),
      },
    ],
  },
  {
    path: '/',
    component: PublicLayout,
    children: [
      ...features.flatMap((f) => f.publicRoutes ?? []),
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/shared/views/NotFoundView.vue') },
    ],
  },
]

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  installGuard(router)
  return router
}
