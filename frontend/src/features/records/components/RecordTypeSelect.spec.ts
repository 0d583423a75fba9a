import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import RecordTypeSelect from './RecordTypeSelect.vue'

const entry = (code: string, name: string, group: string) => ({ code, name, nameEn: code, article: '条款', group })
const EVERY = [
  entry('watch_list_case', '被列入技防企业信用“警示目录”情况', 'HINT'),
  entry('licence_commitment_violation', '违反许可承诺书', 'HINT'),
  entry('filing', '技防企业在公安机关的备案信息', 'BASIC'),
]
const SHENYANG = [EVERY[0], EVERY[2]]

afterEach(() => {
  vi.unstubAllGlobals()
})

async function mountSelect(subjectId: string, value = '') {
  const stub = stubGraphQL({
    SubjectRecordTypes: () => ({
      data: { internalSubject: { id: subjectId, policy: { policyCode: 'shenyang-jifang-2018', regulation: '沈公发〔2018〕4号', recordTypes: SHENYANG } } },
    }),
  })
  const { wrapper } = await mountWithApp(RecordTypeSelect, {
    props: { subjectId, allTypes: EVERY, entryName: (e: { name: string }) => e.name, modelValue: value, 'onUpdate:modelValue': vi.fn() },
  })
  await flushPromises()
  return { wrapper, ...stub }
}

describe('RecordTypeSelect', () => {
  it('offers only the types of the subject’s policy, and names the policy', async () => {
    const { wrapper, calls } = await mountSelect('7')
    expect(calls.map((c) => c.operationName)).toEqual(['SubjectRecordTypes'])
    await wrapper.get('[data-test="record-type"]').trigger('click')
    await flushPromises()
    const options = document.body.textContent ?? ''
    expect(options).toContain('备案信息')
    expect(options).not.toContain('违反许可承诺书')
    expect(wrapper.get('[data-test="record-type-policy"]').text()).toContain('沈公发〔2018〕4号')
  })

  it('clears a chosen type the subject’s policy does not know', async () => {
    const { wrapper } = await mountSelect('7', 'licence_commitment_violation')
    const emitted = wrapper.emitted('update:modelValue') ?? []
    expect(emitted.at(-1)).toEqual([''])
  })

  it('offers every type until a subject is chosen, without asking the server', async () => {
    const { calls } = await mountSelect('')
    expect(calls).toEqual([])
  })
})
