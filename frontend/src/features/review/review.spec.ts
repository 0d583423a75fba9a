import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '@/router'
import { recordOnSubject } from './review'

describe('review queue', () => {
  it("links a record to its place on its subject's page", () => {
    const router = createRouter({ history: createMemoryHistory(), routes })
    const href = router.resolve(recordOnSubject({ id: '17', subjectId: 5 })).href
    expect(href).toBe('/console/subjects/5#record-17')
  })
})
