import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/test/mount'
import SubjectSearchBox from './SubjectSearchBox.vue'

async function box(value: string) {
  const { wrapper } = await mountWithApp(SubjectSearchBox, { props: { modelValue: value } })
  return wrapper
}

describe('SubjectSearchBox', () => {
  it('shows the fault of a mistyped code as it is typed', async () => {
    const w = await box('9131I115MA1K3BTP2B')
    expect(w.get('[data-test="uscc-fault"]').text()).toBe('第5位字符“I”不合法')
  })

  it('names the expected check digit', async () => {
    const w = await box('91110000600037341A')
    expect(w.get('[data-test="uscc-fault"]').text()).toBe('校验码错误：第18位应为“L”')
  })

  it('does not scold a code that is still being typed, but does once it is submitted', async () => {
    const w = await box('9111000060003734')
    expect(w.find('[data-test="uscc-fault"]').exists()).toBe(false)
    await w.get('form').trigger('submit')
    expect(w.get('[data-test="uscc-fault"]').text()).toBe('统一社会信用代码应为18位，当前为16位')
    expect(w.emitted('code')).toBeUndefined()
    expect(w.emitted('name')).toBeUndefined()
  })

  it('emits the normalised code for a valid one', async () => {
    const w = await box(' ９１３１０１１５ma1k3btp2b ')
    await w.get('form').trigger('submit')
    expect(w.emitted('code')).toEqual([['91310115MA1K3BTP2B']])
  })

  it('emits a name search for anything else', async () => {
    const w = await box(' 沈阳安防 ')
    await w.get('form').trigger('submit')
    expect(w.emitted('name')).toEqual([['沈阳安防']])
  })

  it('says nothing for an empty box and emits nothing', async () => {
    const w = await box('')
    await w.get('form').trigger('submit')
    expect(w.find('[data-test="uscc-fault"]').exists()).toBe(false)
    expect(w.emitted('code')).toBeUndefined()
    expect(w.emitted('name')).toBeUndefined()
  })
})
