import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { mountWithApp } from '@/test/mount'
import ProfileActions from './components/ProfileActions.vue'
import { isOwnProfile, reportPdfHref } from './links'

const USCC = '91210100MA0XXXXX1X'

afterEach(() => vi.unstubAllGlobals())

describe('profile actions', () => {
  it('link the PDF of the day asked for, the values escaped', () => {
    expect(reportPdfHref(USCC, '2026-03-01')).toBe(`/reports/${USCC}.pdf?asOf=2026-03-01`)
    expect(reportPdfHref('a/b', '2026-03-01&x=1')).toBe('/reports/a%2Fb.pdf?asOf=2026-03-01%26x%3D1')
  })

  it('are the own profile only for the account whose subject it is', () => {
    expect(isOwnProfile(USCC, USCC)).toBe(true)
    expect(isOwnProfile('91210100MA0YYYYY2Y', USCC)).toBe(false)
    expect(isOwnProfile(null, USCC)).toBe(false)
    expect(isOwnProfile('', '')).toBe(false)
  })

  it('offer the public the PDF and a report, no objection and no repair (and ask the server nothing)', async () => {
    const { calls } = stubGraphQL({})
    const { wrapper } = await mountWithApp(ProfileActions, { props: { uscc: USCC, asOf: '2026-03-01' } })
    expect(wrapper.get('[data-test="report-pdf"]').attributes('href')).toBe(`/reports/${USCC}.pdf?asOf=2026-03-01`)
    expect(wrapper.get('[data-test="report-link"]').attributes('href')).toBe(`/report?uscc=${USCC}`)
    expect(wrapper.find('[data-test="objection-link"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="repair-link"]').exists()).toBe(false)
    expect(calls).toHaveLength(0)
  })
})
