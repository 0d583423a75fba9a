import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountRoute } from '@/test/mount'

const USCC = '91310115MA1K3BTP2B'
const EMPTY_COMMITMENTS = '暂无信用承诺'

const subject = {
  uscc: USCC,
  name: '沈阳示例安防科技有限公司',
  kind: 'ENTERPRISE',
  idNumberMasked: null,
  asOf: '2026-11-01',
  district: { code: '210102', name: '和平分局' },
  grade: {
    level: 'B',
    reasons: [{ article: '舞公〔2021〕394号 三', rule: 'B', summary: '12个月内警告1次' }],
  },
  reasons: [],
  lists: [
    {
      list: 'WATCH',
      since: '2026-03-01',
      until: null,
      decisionNo: '沈公技防〔2026〕12号',
      decisionDate: null,
      article: '第九条',
      basis: [
        {
          recordId: '7',
          decisionNo: '沈公技防〔2022〕3号',
          decisionDate: '2022-05-01',
          publicWindowEnded: true,
          typeName: null,
          summary: null,
          publicUntil: null,
        },
        {
          recordId: '1',
          decisionNo: '沈公技防〔2026〕12号',
          decisionDate: '2026-03-01',
          publicWindowEnded: false,
          typeName: '警示目录情形',
          summary: '未按规定备案',
          publicUntil: '2027-03-02',
        },
      ],
    },
  ],
  measures: [{ code: 'SY-M1', name: '列为重点监管对象', article: '第十三条', kind: 'PUNISHMENT' }],
}

const records = {
  subject: {
    records: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        {
          node: {
            id: '1',
            category: 'hint',
            type: 'SY-H1',
            typeName: '约谈',
            summary: '未按规定备案',
            decisionNo: '沈公技防〔2026〕12号',
            decisionDate: '2026-03-01',
            occurredOn: '2026-02-20',
            publishedOn: '2026-03-02',
            issuingUnit: '和平分局',
            publicUntil: '2027-03-02',
          },
        },
      ],
    },
  },
}

afterEach(() => vi.unstubAllGlobals())

describe('SubjectProfileView', () => {
  it('opens on 基本信息: name, code, grade with its reasons, list entries and measures', async () => {
    const { calls } = stubGraphQL({ SubjectProfile: () => ({ data: { subject } }), SubjectRecords: () => ({ data: records }) })
    const { wrapper } = await mountRoute(`/subjects/${USCC}`)
    await flushPromises()

    expect(wrapper.get('[data-test="subject-name"]').text()).toBe(subject.name)
    expect(wrapper.get('[data-test="subject-uscc"]').text()).toBe(USCC)
    expect(wrapper.get('[data-grade="B"]').text()).toBe('B 一般失信')
    expect(wrapper.get('[data-test="reason"]').text()).toContain('12个月内警告1次')
    expect(wrapper.get('[data-test="list-entry"]').text()).toContain('沈公技防〔2026〕12号')
    expect(wrapper.get('[data-test="measure"]').text()).toContain('惩戒措施')
    expect(wrapper.find('[data-test="record"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="list-basis"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="as-of-date"]').text()).toBe('信息截至 2026-11-01')
    expect(calls.map((c) => c.operationName)).toEqual(['SubjectProfile'])
    expect(calls[0]?.variables).toMatchObject({ uscc: USCC, asOf: null })
  })

  it('?tab=records shows the public records with the end of their public window', async () => {
    const { calls } = stubGraphQL({ SubjectProfile: () => ({ data: { subject } }), SubjectRecords: () => ({ data: records }) })
    const { wrapper } = await mountRoute(`/subjects/${USCC}?tab=records`)
    await flushPromises()
    expect(wrapper.get('[data-test="record"]').text()).toContain('提示信息')
    expect(wrapper.get('[data-test="record"]').text()).toContain('2027-03-02')
    expect(calls.map((c) => c.operationName).sort()).toEqual(['SubjectProfile', 'SubjectRecords'])
  })

  it('?tab=lists shows the basis: a closed window gives only number, date and 公示期已届满', async () => {
    stubGraphQL({ SubjectProfile: () => ({ data: { subject } }) })
    const { wrapper } = await mountRoute(`/subjects/${USCC}?tab=lists`)
    await flushPromises()
    const items = wrapper.findAll('[data-test="basis-item"]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toBe('沈公技防〔2022〕3号2022-05-01公示期已届满')
    expect(items[1]!.text()).toContain('未按规定备案')
    expect(items[1]!.text()).not.toContain('公示期已届满')
  })

  it('hides 信用评价 for a subject whose policy grades nobody, and falls back to 基本信息', async () => {
    stubGraphQL({ SubjectProfile: () => ({ data: { subject: { ...subject, grade: null } } }) })
    const { wrapper } = await mountRoute(`/subjects/${USCC}?tab=grade`)
    await flushPromises()
    expect(wrapper.text()).not.toContain('信用评价')
    expect(wrapper.find('[data-test="tab-basic"]').exists()).toBe(true)
  })

  it('shows the commitments tab: the register of the subject, here empty', async () => {
    const { calls } = stubGraphQL({
      SubjectProfile: () => ({ data: { subject } }),
      PublicCommitments: () => ({ data: { subject: null } }),
    })
    const { wrapper } = await mountRoute(`/subjects/${USCC}?tab=commitments`)
    await flushPromises()
    expect(wrapper.get('[data-test="public-commitments"]').text()).toContain(EMPTY_COMMITMENTS)
    expect(calls.map((c) => c.operationName).sort()).toEqual(['PublicCommitments', 'SubjectProfile'])
  })

  it('passes ?asOf= to the server', async () => {
    const { calls } = stubGraphQL({ SubjectProfile: () => ({ data: { subject } }), SubjectRecords: () => ({ data: records }) })
    await mountRoute(`/subjects/${USCC}?asOf=2025-06-30&tab=records`)
    expect(calls.every((c) => c.variables['asOf'] === '2025-06-30')).toBe(true)
  })

  it('shows the fault of a malformed code without asking the server', async () => {
    const { fetchMock } = stubGraphQL({})
    const { wrapper } = await mountRoute('/subjects/91310115MA1K3BTP2C')
    expect(wrapper.get('[data-test="invalid-uscc"]').text()).toContain('校验码错误：第18位应为“B”')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('normalises the code in the address', async () => {
    stubGraphQL({ SubjectProfile: () => ({ data: { subject } }), SubjectRecords: () => ({ data: records }), PublicCommitments: () => ({ data: { subject: null } }) })
    const { router } = await mountRoute('/subjects/91310115ma1k3btp2b')
    await flushPromises()
    expect(router.currentRoute.value.params['uscc']).toBe(USCC)
  })

  it('shows a not-found state when the server has no such subject', async () => {
    stubGraphQL({ SubjectProfile: () => ({ data: { subject: null } }), SubjectRecords: () => ({ data: { subject: null } }), PublicCommitments: () => ({ data: { subject: null } }) })
    const { wrapper } = await mountRoute(`/subjects/${USCC}`)
    expect(wrapper.get('[data-test="not-found"]').text()).toContain('未找到该主体')
  })

  it('shows the invalid state when the server says INVALID_USCC', async () => {
    stubGraphQL({
      SubjectProfile: () => ({ data: null, errors: [{ message: 'bad', extensions: { code: 'INVALID_USCC' } }] }),
    })
    const { wrapper } = await mountRoute(`/subjects/${USCC}`)
    expect(wrapper.find('[data-test="invalid-uscc"]').exists()).toBe(true)
  })

  it('shows the mapped message for other errors', async () => {
    stubGraphQL({
      SubjectProfile: () => ({ data: null, errors: [{ message: 'slow', extensions: { code: 'RATE_LIMITED' } }] }),
    })
    const { wrapper } = await mountRoute(`/subjects/${USCC}`)
    expect(wrapper.text()).toContain('查询过于频繁，请稍后再试')
  })
})
