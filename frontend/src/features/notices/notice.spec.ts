import { describe, expect, it } from 'vitest'
import { layoutNotice } from './notice'

describe('layoutNotice', () => {
  it('splits addressee, paragraphs (numbered items kept) and the signature', () => {
    const body = [
      '沈阳安泰报警运营服务有限公司：',
      '    你单位于2026年11月2日提出的异议申请（编号3），本机关已依法核实。',
      '    经核实，异议成立。理由：文书送达有误。',
      '    本机关决定撤销下列信用信息，即日起停止公布，不再计入信用评价：',
      '    1. 警示目录情形（沈公技防警〔2026〕022号）',
      '',
      '沈阳市公安局',
      '2026年11月22日',
    ].join('\n')
    const layout = layoutNotice(body)
    expect(layout.addressee).toBe('沈阳安泰报警运营服务有限公司：')
    expect(layout.paragraphs).toHaveLength(4)
    expect(layout.paragraphs[3]).toBe('1. 警示目录情形（沈公技防警〔2026〕022号）')
    expect(layout.signature).toEqual(['沈阳市公安局', '2026年11月22日'])
  })

  it('keeps a body without the usual parts as one paragraph', () => {
    expect(layoutNotice('内容')).toEqual({ addressee: '', paragraphs: ['内容'], signature: [] })
  })
})
