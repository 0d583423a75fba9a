import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import ForecastPanel from './ForecastPanel.vue'

const now = {
  asOf: '2026-12-03',
  isForecast: false,
  grade: null,
  lists: [{ list: 'WATCH', since: '2026-02-06', until: '2027-02-06', decisionNo: '沈公技防警〔2026〕43号' }],
  measures: [{ code: 'sy_m1' }],
}
const later = { asOf: '2027-03-01', isForecast: true, grade: null, lists: [], measures: [] }

afterEach(() => vi.unstubAllGlobals())

describe('ForecastPanel', () => {
  it('says when each list entry ends, and forecasts a chosen later date for staff', async () => {
    const { calls } = stubGraphQL({
      InternalForecast: (v) => ({ data: { internalSubject: { id: '5', evaluation: v['asOf'] ? later : now } } }),
    })
    const { wrapper } = await mountWithApp(ForecastPanel, { props: { subjectId: '5' } })
    expect(wrapper.get('[data-test="forecast-leaves"]').text()).toBe('若无新的信息，将于 2027-02-06 移出“警示目录”')
    const input = wrapper.get('[data-test="forecast-date"] input')
    await input.setValue('2027-03-01')
    await input.trigger('change')
    await input.trigger('keydown', { key: 'Enter', code: 'Enter' })
    await flushPromises()
    expect(calls.map((c) => c.variables)).toContainEqual({ id: '5', asOf: '2027-03-01' })
    const result = wrapper.get('[data-test="forecast-result"]').text()
    expect(result).toContain('预测：若无新的信息，至 2027-03-01')
    expect(result).toContain('不在任何名单中')
  })

  it('asks about the enterprise itself without a subject id', async () => {
    const { calls } = stubGraphQL({ MyForecast: () => ({ data: { mySubject: { id: '9', evaluation: now } } }) })
    await mountWithApp(ForecastPanel)
    expect(calls.map((c) => c.operationName)).toEqual(['MyForecast'])
  })
})
