import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/test/mount'
import GradeBadge from './GradeBadge.vue'

describe('GradeBadge', () => {
  it.each([
    ['A', 'A 信用优良'],
    ['B', 'B 一般失信'],
    ['C', 'C 严重失信'],
    ['UNGRADED', '未评级'],
  ])('shows %s as “%s” in its own colour class', async (level, label) => {
    const { wrapper } = await mountWithApp(GradeBadge, { props: { level } })
    expect(wrapper.text()).toBe(label)
    expect(wrapper.classes()).toContain(`grade-badge--${level}`)
  })

  it('speaks English', async () => {
    const { wrapper } = await mountWithApp(GradeBadge, { props: { level: 'UNGRADED' }, locale: 'en' })
    expect(wrapper.text()).toBe('Ungraded')
  })
})
