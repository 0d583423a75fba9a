import { describe, expect, it } from 'vitest'
import { changeText, filtersFromQuery, queryFromFilters } from './audit'

describe('audit log filters', () => {
  it('are read from the address, anything but a single value counting as none', () => {
    expect(filtersFromQuery({ action: 'record.publish', objectType: ['a', 'b'], objectId: null })).toEqual({
      action: 'record.publish',
      objectType: '',
      objectId: '',
    })
    expect(filtersFromQuery({})).toEqual({ action: '', objectType: '', objectId: '' })
  })

  it('are written to it trimmed, without the empty ones', () => {
    expect(queryFromFilters({ action: '', objectType: 'credit_record', objectId: ' 17 ' })).toEqual({ objectType: 'credit_record', objectId: '17' })
    expect(queryFromFilters({ action: ' ', objectType: '', objectId: '' })).toEqual({})
  })

  it('survive the round trip', () => {
    const filters = { action: 'subject.update', objectType: 'subject', objectId: '5' }
    expect(filtersFromQuery(queryFromFilters(filters))).toEqual(filters)
  })
})

describe('changeText', () => {
  it('shows a change as before → after', () => {
    expect(changeText({ before: '待审核', after: '已公布' })).toBe('待审核 → 已公布')
  })

  it('a value set or cleared shows the one there is, an unchanged one once', () => {
    expect(changeText({ before: null, after: '已公布' })).toBe('已公布')
    expect(changeText({ before: '张三', after: null })).toBe('张三')
    expect(changeText({ before: '张三', after: '张三' })).toBe('张三')
    expect(changeText({ before: null, after: null })).toBe('—')
  })
})
