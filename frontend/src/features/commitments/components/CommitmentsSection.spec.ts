import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { mountWithApp } from '@/test/mount'
import CommitmentsSection from './CommitmentsSection.vue'

const USCC = '91310115MA1K3BTP2B'

function page(nodes: unknown[]) {
  return {
    data: {
      subject: {
        commitments: {
          totalCount: nodes.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: nodes.map((node) => ({ node })),
        },
      },
    },
  }
}

const licence = {
  id: '1',
  kind: 'licence',
  kindName: '许可承诺书',
  matter: '旅馆业特种行业许可证',
  content: null,
  signedOn: '2026-02-06',
  validUntil: null,
  receivingUnit: '舞钢市公安局治安管理大队',
  status: 'EXPIRED',
  breaches: [
    {
      id: '39',
      typeName: '违反许可承诺书',
      decisionNo: '舞公（治）承诺字〔2026〕7号',
      decisionDate: '2026-08-25',
      issuingUnit: '舞钢市公安局',
      summary: '未补齐材料',
    },
  ],
}

afterEach(() => vi.unstubAllGlobals())

describe('CommitmentsSection', () => {
  it('shows the kind, matter, status in words, the hidden text notice and the breach with its decision', async () => {
    const { calls } = stubGraphQL({ PublicCommitments: () => page([licence]) })
    const { wrapper } = await mountWithApp(CommitmentsSection, { props: { uscc: USCC, asOf: '2026-10-01' } })
    await flushPromises()
    const item = wrapper.get('[data-test="public-commitment"]').text()
    expect(item).toContain('许可承诺书')
    expect(item).toContain('旅馆业特种行业许可证')
    expect(item).toContain('已到期')
    expect(item).toContain('长期')
    expect(item).toContain('自然人的承诺内容不予公开')
    expect(wrapper.get('[data-test="public-commitment-breach"]').text()).toContain('舞公（治）承诺字〔2026〕7号')
    expect(item).not.toContain('EXPIRED')
    expect(calls[0]?.variables).toMatchObject({ uscc: USCC, asOf: '2026-10-01' })
  })

  it('says so when there is none', async () => {
    stubGraphQL({ PublicCommitments: () => page([]) })
    const { wrapper } = await mountWithApp(CommitmentsSection, { props: { uscc: USCC } })
    await flushPromises()
    expect(wrapper.text()).toContain('暂无信用承诺')
  })
})
