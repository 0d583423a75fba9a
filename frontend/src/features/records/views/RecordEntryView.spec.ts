import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetSession } from '@/auth/session'
import { todayIso } from '@/shared/dates'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountRoute } from '@/test/mount'
import { OFFICER, sessionHandlers, signInForTest } from '@/test/session'
import type { RecordForm } from '../composables/useRecordForm'
import RecordEntryView from './RecordEntryView.vue'

const entry = (code: string, name: string, group: string | null = null) => ({ code, name, nameEn: code, article: '第九条', group })
const catalogues = {
  watchSituations: [entry('s05', '在企业经营中发生伪造工程业绩')],
  infoTypes: [entry('watch_list_case', '被列入技防企业信用“警示目录”情况', 'HINT'), entry('inspection', '检查结果', 'BASIC')],
  sanctionKinds: [entry('warning', '警告', 'correction_or_warning'), entry('fine', '罚款', 'penalty')],
  violationDomains: [entry('tech_prevention', '技防')],
}
const subject = { id: '7', name: '沈阳宏景安防科技有限公司', uscc: '91210102DMKNYDK7Q8', district: { name: '和平区' } }

/** Element Plus shows a form item's error after a 100 ms debounce. */
async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

// jsdom has no layout: the form's label-width="auto" warns about a width of NaN.
beforeEach(() => {
  const warn = console.warn
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('unexpected width')) warn(...args)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  resetSession()
})

async function mountForm(handlers: Record<string, (v: Record<string, unknown>) => unknown>) {
  const stub = stubGraphQL({
    ...sessionHandlers(OFFICER),
    Catalogues: () => ({ data: { catalogues } }),
    EntrySubject: () => ({ data: { internalSubject: subject } }),
    ...handlers,
  })
  await signInForTest()
  const mounted = await mountRoute('/console/records/new?subjectId=7')
  await flushPromises()
  const view = mounted.wrapper.findComponent(RecordEntryView)
  const form = (view.vm as unknown as { form: RecordForm }).form
  return { ...mounted, ...stub, form }
}


describe('RecordEntryView', () => {
  it('checks the form like the server before sending anything, each error on its field', async () => {
    const { wrapper, calls, form } = await mountForm({})
    expect(wrapper.get('[data-test="entry-subject"]').text()).toContain('沈阳宏景安防科技有限公司')

    form.draft.type = 'watch_list_case'
    form.draft.decisionDate = todayIso()
    form.draft.violations.push({ domain: '', typeCode: '', description: '', sanctions: [{ kind: 'fine', amountYuan: '-1' }] })
    await flushPromises()
    await wrapper.get('[data-test="save-draft"]').trigger('click')
    await settle()

    const errors = wrapper.findAll('.el-form-item__error').map((e) => e.text())
    expect(errors).toEqual(
      expect.arrayContaining([
        '列入警示目录须选择第九条所列情形',
        '请填写发生日期',
        '有决定日期时须填写决定文书号',
        '违法行为须附于一份决定（文书号与日期）',
        '请选择违法领域',
        '须填写违法行为类别',
        '金额须为不小于0的数字，最多两位小数',
        '须填写信息摘要',
      ]),
    )
    expect(calls.map((c) => c.operationName)).not.toContain('CreditRecordCreate')
  })

  it('puts the server’s field errors on the fields they name, nested ones included, and the rest above the form', async () => {
    const { wrapper, calls, form, router } = await mountForm({
      CreditRecordCreate: () => ({
        data: {
          creditRecordCreate: {
            creditRecord: null,
            errors: [
              { field: 'violations[0].sanctions[1].amountYuan', message: '罚款金额超出法定上限', code: 'INVALID' },
              { field: 'situationCode', message: '该情形已停用', code: 'INVALID' },
              { field: null, message: '该主体不在您的管辖范围内', code: 'OUT_OF_SCOPE' },
            ],
          },
        },
      }),
    })
    Object.assign(form.draft, {
      type: 'watch_list_case',
      situationCode: 's05',
      occurredOn: todayIso(),
      summary: '伪造工程业绩',
      decisionNo: '沈公技防警〔2026〕001号',
      decisionDate: todayIso(),
    })
    form.draft.violations.push({
      domain: 'tech_prevention',
      typeCode: 'forged_record',
      description: '',
      sanctions: [
        { kind: 'warning', amountYuan: '' },
        { kind: 'fine', amountYuan: '5000' },
      ],
    })
    await flushPromises()
    await wrapper.get('[data-test="save-submit"]').trigger('click')
    await settle()

    const create = calls.find((c) => c.operationName === 'CreditRecordCreate')
    expect(create?.variables['input']).toMatchObject({
      subjectId: '7',
      type: 'watch_list_case',
      situationCode: 's05',
      inspectionPassed: null,
      violations: [{ domain: 'tech_prevention', sanctions: [{ kind: 'warning', amountYuan: '0' }, { kind: 'fine', amountYuan: '5000' }] }],
    })
    expect(form.errors.field('violations.0.sanctions.1.amountYuan')).toBe('罚款金额超出法定上限')
    const shown = wrapper.findAll('.el-form-item__error').map((e) => e.text())
    expect(shown).toEqual(expect.arrayContaining(['罚款金额超出法定上限', '该情形已停用']))
    const amountItem = wrapper.findAll('[data-test="sanction-editor"]')[1]!
    expect(amountItem.find('.el-form-item__error').text()).toBe('罚款金额超出法定上限')
    expect(wrapper.get('[data-test="form-error"]').text()).toContain('该主体不在您的管辖范围内')
    expect(calls.map((c) => c.operationName)).not.toContain('CreditRecordSubmit')
    expect(router.currentRoute.value.name).toBe('console-record-new')
  })

  it('saves, submits and opens the subject with the new record', async () => {
    const record = { id: '99', status: 'DRAFT', subjectId: 7 }
    const { wrapper, calls, form, router } = await mountForm({
      CreditRecordCreate: () => ({ data: { creditRecordCreate: { creditRecord: record, errors: [] } } }),
      CreditRecordSubmit: () => ({ data: { creditRecordSubmit: { creditRecord: { ...record, status: 'SUBMITTED' }, errors: [] } } }),
      InternalSubject: () => ({ data: { internalSubject: null } }),
    })
    Object.assign(form.draft, { type: 'inspection', inspectionPassed: true, occurredOn: todayIso(), summary: '年度检查合格' })
    await flushPromises()
    await wrapper.get('[data-test="save-submit"]').trigger('click')
    await settle()

    expect(calls.map((c) => c.operationName)).toEqual(expect.arrayContaining(['CreditRecordCreate', 'CreditRecordSubmit']))
    expect(calls.find((c) => c.operationName === 'CreditRecordSubmit')?.variables).toEqual({ id: '99' })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('console-subject'), { timeout: 15000 })
    expect(router.currentRoute.value.params['id']).toBe('7')
    expect(router.currentRoute.value.hash).toBe('#record-99')
  })
})
