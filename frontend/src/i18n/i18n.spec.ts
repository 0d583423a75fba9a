import { describe, expect, it } from 'vitest'
import en from './en'
import { featureMessages } from './features'
import zhCN from './zh-CN'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('of the features have the same keys in Chinese and English, apart from the shared ones', () => {
    expect(keys(featureMessages.en).sort()).toEqual(keys(featureMessages['zh-CN']).sort())
    for (const key of Object.keys(featureMessages['zh-CN'])) expect(zhCN, key).not.toHaveProperty(key)
  })

  it('have no empty message', () => {
    for (const messages of [zhCN, en, featureMessages['zh-CN'], featureMessages.en]) {
      for (const key of keys(messages)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages)
        expect(value, key).not.toBe('')
      }
    }
  })
})
