import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { loadOnFirstOpen, MY_CASES_TABS } from './tabs'

function fakeList() {
  const list = {
    loaded: { value: false },
    reloads: 0,
    reload() {
      list.reloads += 1
      list.loaded.value = true
    },
  }
  return list
}

describe('my cases tabs', () => {
  it('fetch a tab the first time it is opened, and only that tab', () => {
    const lists = { objections: fakeList(), repairs: fakeList(), notices: fakeList() }
    loadOnFirstOpen(lists, 'repairs')
    expect([lists.objections.reloads, lists.repairs.reloads, lists.notices.reloads]).toEqual([0, 1, 0])
  })

  it('do not fetch again when a tab is reopened', () => {
    const lists = { objections: fakeList(), repairs: fakeList(), notices: fakeList() }
    loadOnFirstOpen(lists, 'notices')
    loadOnFirstOpen(lists, 'objections')
    loadOnFirstOpen(lists, 'notices')
    expect(lists.notices.reloads).toBe(1)
    expect(lists.objections.reloads).toBe(1)
  })

  it('each tab has its label', () => {
    const t = createAppI18n('zh-CN').global.t as (key: string) => string
    for (const name of MY_CASES_TABS) expect(t(`myCases.tabs.${name}`)).not.toContain('myCases.tabs')
  })
})
