import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { Permission } from '@/gql/graphql'

declare module 'vue-router' {
  interface RouteMeta {
    /** The permission the route needs (checked by the router guard). */
    permission?: Permission
    /** Only for a signed-in user (set on the console layout, inherited by its pages). */
    requiresAuth?: boolean
    /** i18n key of the page title (console breadcrumb and document title). */
    title?: string
  }
}

export type MenuGroup = 'work' | 'admin'

/** One entry of the console's side menu. Shown only to users holding `permission`. */
export interface MenuItem {
  /** i18n key of the label. */
  label: string
  icon: Component
  /** Name of the route it opens. */
  route: string
  permission?: Permission
  /** Shown only where a policy of the caller's jurisdictions has it (WG 五 reminders). */
  policy?: 'grades' | 'reminders'
  group: MenuGroup
  /** Position in its group (smaller first). */
  order: number
}

/**
 * What a feature folder contributes, exported as the default of
 * `src/features/<feature>/routes.ts`; the router and the console menu collect every one of
 * them, so a new feature needs no edit anywhere else.
 */
export interface Feature {
  /** Children of the public layout (`/`). */
  publicRoutes?: RouteRecordRaw[]
  /** Children of the console layout (`/console`): signed-in users only; set meta.permission. */
  consoleRoutes?: RouteRecordRaw[]
  menu?: MenuItem[]
}

export function defineFeature(feature: Feature): Feature {
  return feature
}
