import { flushPromises, mount } from '@vue/test-utils'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { vCan } from '@/auth/vCan'
import { createAppI18n, type Locale } from '@/i18n'
import { routes } from '@/router'
import { installGuard } from '@/router/guard'

interface MountOptions {
  /** Where the router starts (default `/`). */
  at?: string
  locale?: Locale
  props?: Record<string, unknown>
}

/** Mount a component with the app's i18n, routes and guard (memory history). */
export async function mountWithApp(component: Component, options: MountOptions = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  installGuard(router)
  await router.push(options.at ?? '/')
  await router.isReady()
  const i18n = createAppI18n(options.locale ?? 'zh-CN')
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [router, i18n], directives: { can: vCan } },
  })
  await flushPromises()
  return { wrapper, router }
}

/** Mount the app's routed views (layout included) at a path. */
export function mountRoute(at: string, locale: Locale = 'zh-CN') {
  return mountWithApp(RouterView, { at, locale })
}

export { flushPromises }
