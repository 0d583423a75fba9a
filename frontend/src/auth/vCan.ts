import { watchEffect, type Directive, type WatchStopHandle } from 'vue'
import type { Requirement } from './permissions'
import { hasPermission } from './session'

const stops = new WeakMap<HTMLElement, WatchStopHandle>()
const values = new WeakMap<HTMLElement, { value: Requirement }>()

function hide(el: HTMLElement, hidden: boolean): void {
  el.style.display = hidden ? 'none' : ''
  if (hidden) {
    el.setAttribute('aria-hidden', 'true')
    el.setAttribute('data-denied', '')
  } else {
    el.removeAttribute('aria-hidden')
    el.removeAttribute('data-denied')
  }
}

/**
 * `v-can="'PUBLISH_RECORDS'"` (or an array: all of them): the element is not shown to a
 * user without the permission. The element stays in the DOM (hidden), so Vue's patching is
 * undisturbed; for a whole block use `v-if="can(…)"` (useCan), which does not render it.
 */
export const vCan: Directive<HTMLElement, Requirement> = {
  beforeMount(el, binding) {
    const current = { value: binding.value }
    values.set(el, current)
    stops.set(
      el,
      watchEffect(() => hide(el, !hasPermission(current.value))),
    )
  },
  updated(el, binding) {
    const current = values.get(el)
    if (current && current.value !== binding.value) {
      current.value = binding.value
      hide(el, !hasPermission(binding.value))
    }
  },
  beforeUnmount(el) {
    stops.get(el)?.()
    stops.delete(el)
    values.delete(el)
  },
}
