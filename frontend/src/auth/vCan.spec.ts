import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { OFFICER } from '@/test/session'
import { resetSession, sessionState } from './session'
import { useCan } from './useCan'
import { vCan } from './vCan'

const Probe = defineComponent({
  directives: { can: vCan },
  setup: () => ({ can: useCan() }),
  template: `
    <div>
      <button v-can="'ENTER_RECORDS'" data-test="enter">录入</button>
      <button v-can="['REVIEW_RECORDS', 'PUBLISH_RECORDS']" data-test="publish">公布</button>
      <p v-if="can('VIEW_INTERNAL')" data-test="internal">内部</p>
    </div>`,
})

function signInAs(me: typeof OFFICER | null): void {
  ;(sessionState as { me: unknown }).me = me
}

afterEach(() => resetSession())

describe('v-can and useCan', () => {
  it('show an element only to a user holding the permission, and follow sign-in and sign-out', async () => {
    const wrapper = mount(Probe)
    const shown = (test: string) => {
      const el = wrapper.find(`[data-test="${test}"]`)
      return el.exists() && (el.element as HTMLElement).style.display !== 'none'
    }
    expect([shown('enter'), shown('publish'), shown('internal')]).toEqual([false, false, false])

    signInAs(OFFICER)
    await nextTick()
    expect([shown('enter'), shown('publish'), shown('internal')]).toEqual([true, false, true])
    expect(wrapper.get('[data-test="publish"]').attributes('aria-hidden')).toBe('true')

    signInAs(null)
    await nextTick()
    expect([shown('enter'), shown('publish'), shown('internal')]).toEqual([false, false, false])
  })
})
