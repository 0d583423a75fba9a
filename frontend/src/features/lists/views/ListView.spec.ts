import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountRoute } from '@/test/mount'

function entry(n: number) {
  return {
    list: 'WATCH',
    since: '2026-01-0' + ((n % 9) + 1),
    until: null,
    decisionNo: `沈公技防〔2026〕${n}号`,
    article: '第九条',
    subjectName: `示例企业${n}`,
    uscc: '91310115MA1K3BTP2B',
    district: { code: '210102', name: '和平分局' },
  }
}

function page(after: unknown) {
  const start = after === 'c2' ? 2 : 0
  const nodes = after === 'c2' ? [entry(3)] : [entry(1), entry(2)]
  return {
    data: {
      listEntries: {
        totalCount: 3,
        pageInfo: { hasNextPage: start === 0, endCursor: start === 0 ? 'c2' : 'c3' },
        edges: nodes.map((node, i) => ({ node, cursor: `c${start + i + 1}` })),
      },
    },
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('ListView', () => {
  it('lists entries with links to profiles, and loads the next page by cursor', async () => {
    const { calls } = stubGraphQL({
      ListEntries: (v) => page(v['after']),
      Districts: () => ({ data: { districts: [{ code: '210102', name: '和平分局' }] } }),
    })
    const { wrapper } = await mountRoute('/lists/watch')

    expect(wrapper.get('h1').text()).toBe('警示目录')
    const links = wrapper.findAll('[data-test="entry-link"]')
    expect(links).toHaveLength(2)
    expect(links[0]?.attributes('href')).toBe('/subjects/91310115MA1K3BTP2B')
    expect(calls.find((c) => c.operationName === 'ListEntries')?.variables).toMatchObject({ list: 'WATCH', after: null })

    await wrapper.get('[data-test="load-more"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-test="entry-link"]')).toHaveLength(3)
    expect(calls.filter((c) => c.operationName === 'ListEntries').at(-1)?.variables).toMatchObject({ after: 'c2' })
    expect(wrapper.find('[data-test="load-more"]').exists()).toBe(false)
  })

  it('sends the district and name filters from the address', async () => {
    const { calls } = stubGraphQL({ ListEntries: (v) => page(v['after']), Districts: () => ({ data: { districts: [] } }) })
    await mountRoute('/lists/black?district=210102&q=示例')
    expect(calls.find((c) => c.operationName === 'ListEntries')?.variables).toMatchObject({
      list: 'BLACK',
      district: '210102',
      search: '示例',
    })
  })
})
