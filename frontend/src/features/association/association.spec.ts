import { describe, expect, it } from 'vitest'
import { memberProblems, overviewTiles, RATINGS, ratingProblems, submissionTag } from './association'

describe('association', () => {
  it('colours a submission by where its record stands', () => {
    expect(submissionTag('PUBLISHED')).toBe('success')
    expect(submissionTag('REJECTED')).toBe('danger')
    expect(submissionTag('SUBMITTED')).toBe('warning')
    expect(submissionTag('VERIFIED')).toBe('warning')
    expect(submissionTag('DRAFT')).toBe('info')
    expect(submissionTag('REVOKED')).toBe('info')
  })

  it('the home tiles link members to the members page, every submission count to the submissions', () => {
    const tiles = overviewTiles({ memberCount: 12, pendingCount: 3, publishedCount: 20, rejectedCount: 1 })
    expect(tiles.map((t) => [t.key, t.value, t.to])).toEqual([
      ['memberCount', 12, 'console-association-members'],
      ['pendingCount', 3, 'console-association-submissions'],
      ['publishedCount', 20, 'console-association-submissions'],
      ['rejectedCount', 1, 'console-association-submissions'],
    ])
    expect(overviewTiles(undefined)).toEqual([])
  })

  it('a rating needs the member and the grade, from AAA down to C', () => {
    expect(ratingProblems({ uscc: '', rating: '' }, '必填')).toEqual([
      { field: 'uscc', message: '必填' },
      { field: 'rating', message: '必填' },
    ])
    expect(ratingProblems({ uscc: '91210100MA0XXXXX1X', rating: 'AA' }, '必填')).toEqual([])
    expect(RATINGS).toEqual(['AAA', 'AA', 'A', 'B', 'C'])
  })

  it('a member is added by a USCC that is not blank', () => {
    expect(memberProblems({ uscc: '   ' }, '必填')).toEqual([{ field: 'uscc', message: '必填' }])
    expect(memberProblems({ uscc: '91210100MA0XXXXX1X' }, '必填')).toEqual([])
  })
})
