import { afterEach, describe, expect, it, vi } from 'vitest'
import { OBJECTION_FILING } from '@/features/objections/filing'
import { REPAIR_FILING } from '@/features/repairs/filing'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import type { CaseSubject } from '../composables/useCaseSubject'
import CaseFilingForm from './CaseFilingForm.vue'

afterEach(() => vi.unstubAllGlobals())

const record = (id: string, decisionNo: string) => ({
  id,
  status: 'PUBLISHED',
  category: 'WARNING',
  type: 'watch_list_case',
  typeName: '重点关注名单案件',
  summary: '未按规定备案',
  occurredOn: '2026-02-01',
  decisionNo,
  decisionDate: '2026-02-10',
  publishedAt: '2026-02-11T09:00:00+08:00',
  situationName: null,
})
const SUBJECT = {
  id: '42',
  name: '沈阳安泰报警运营服务有限公司',
  uscc: '91210100MA0XXXXX1X',
  kind: 'ENTERPRISE',
  records: [record('7', '沈公〔2026〕022号'), record('9', '沈公〔2026〕021号')],
} as unknown as CaseSubject

/** Element Plus shows a form item's error 100 ms after it is set (debounced). */
async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

async function mountForm(kind = OBJECTION_FILING, paper = true) {
  const { wrapper } = await mountWithApp(CaseFilingForm, { props: { kind, subject: SUBJECT, paper } })
  return wrapper
}

describe('CaseFilingForm', () => {
  it('files a written objection with the records ticked, the reasons and the applicant', async () => {
    const { calls } = stubGraphQL({
      ObjectionFile: () => ({ data: { objectionFile: { objection: { id: '31', status: 'FILED', filingDeadline: '2026-03-13' }, errors: [] } } }),
    })
    const wrapper = await mountForm()
    await wrapper.get('[data-record-id="7"] input').setValue(true)
    await wrapper.get('[data-test="objection-reasons"]').setValue('  系他人冒用本单位名义 ')
    await wrapper.get('[data-test="objection-applicant"]').setValue('张三')
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(calls.map((c) => c.operationName)).toEqual(['ObjectionFile'])
    expect(calls[0]?.variables['input']).toMatchObject({
      subjectId: '42',
      recordIds: ['7'],
      reasons: '系他人冒用本单位名义',
      listKind: null,
      evidence: [],
      applicantName: '张三',
    })
    expect((calls[0]?.variables['input'] as Record<string, unknown>)['receivedOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(wrapper.emitted('filed')).toEqual([['31']])
  })

  it('sends nothing while records or the statement are missing, and says which', async () => {
    const { calls } = stubGraphQL({})
    const wrapper = await mountForm(REPAIR_FILING, false)
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(calls).toHaveLength(0)
    const text = wrapper.text()
    expect(text).toContain('请至少选择一条信用信息')
    expect(text).toContain('须说明整改情况')
    expect(wrapper.emitted('filed')).toBeUndefined()
  })

  it("puts the server's errors on their fields, the rest above the form", async () => {
    stubGraphQL({
      RepairApply: () => ({
        data: {
          repairApply: {
            repairApplication: null,
            errors: [
              { field: 'rectification', message: '整改情况过短', code: 'INVALID' },
              { field: null, message: '该记录已有在办的修复申请', code: 'CONFLICT' },
            ],
          },
        },
      }),
    })
    const wrapper = await mountForm(REPAIR_FILING, false)
    await wrapper.get('[data-record-id="9"] input').setValue(true)
    await wrapper.get('[data-test="repair-rectification"]').setValue('已整改')
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(wrapper.get('[data-test="form-error"]').text()).toContain('该记录已有在办的修复申请')
    expect(wrapper.text()).toContain('整改情况过短')
    expect(wrapper.emitted('filed')).toBeUndefined()
  })

  it('an online application asks no applicant and no day received', async () => {
    const online = await mountForm(OBJECTION_FILING, false)
    expect(online.find('[data-test="objection-applicant"]').exists()).toBe(false)
    expect(online.find('[data-test="objection-received"]').exists()).toBe(false)
    const repairPaper = await mountForm(REPAIR_FILING, true)
    expect(repairPaper.find('[data-test="repair-applicant"]').exists()).toBe(true)
    expect(repairPaper.find('[data-test="repair-received"]').exists()).toBe(false)
  })
})
