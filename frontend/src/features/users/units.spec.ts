import { describe, expect, it } from 'vitest'
import { blankUnit, parentChoices, unitCreateInput, unitFormOf, unitProblems, unitUpdateInput } from './units'

const CITY = { id: '1', code: 'SY', name: '沈阳市公安局', kind: 'CITY_BUREAU' as const, isActive: true, parentId: null }
const HEPING = { id: '2', code: 'SY-HP', name: '和平分局', kind: 'DISTRICT_BUREAU' as const, isActive: true, parentId: '1', jurisdictionId: '10', districtId: '20' }
const OLD = { id: '3', code: 'SY-OLD', name: '已撤销分局', kind: 'DISTRICT_BUREAU' as const, isActive: false, parentId: '1' }
const UNITS = [CITY, HEPING, OLD]
const JURISDICTIONS = [{ id: '10', code: '210102' }]
const DISTRICTS = [{ id: '20', code: '210102001' }]

describe('unit dialog', () => {
  it('shows a unit with its parent and places by code', () => {
    expect(unitFormOf(HEPING, UNITS, JURISDICTIONS, DISTRICTS)).toEqual({
      code: 'SY-HP',
      name: '和平分局',
      kind: 'DISTRICT_BUREAU',
      parentCode: 'SY',
      jurisdictionCode: '210102',
      districtCode: '210102001',
    })
    expect(unitFormOf(CITY, UNITS, JURISDICTIONS, DISTRICTS)).toMatchObject({ parentCode: '', jurisdictionCode: '', districtCode: '' })
    // a place no longer listed shows as none rather than as an id
    expect(unitFormOf({ ...HEPING, districtId: '99' }, UNITS, JURISDICTIONS, DISTRICTS).districtCode).toBe('')
  })

  it('offers as parents the active units, never the unit itself', () => {
    expect(parentChoices(UNITS, HEPING).map((u) => u.code)).toEqual(['SY'])
    expect(parentChoices(UNITS, null).map((u) => u.code)).toEqual(['SY', 'SY-HP'])
  })

  it('needs a code and a name', () => {
    expect(unitProblems({ ...blankUnit(), name: ' ' }, '必填').map((p) => p.field)).toEqual(['code', 'name'])
  })

  it('creates with every field, blanks as none', () => {
    const form = { ...blankUnit(), code: ' SY-HP-01 ', name: ' 南市场派出所 ', parentCode: 'SY-HP' }
    expect(unitCreateInput(form)).toEqual({
      code: 'SY-HP-01',
      name: '南市场派出所',
      kind: 'POLICE_STATION',
      parentCode: 'SY-HP',
      jurisdictionCode: null,
      districtCode: null,
    })
  })

  it('an edit changes only the name, the parent and the district', () => {
    const form = { ...unitFormOf(HEPING, UNITS, JURISDICTIONS, DISTRICTS), name: '和平分局（新）', parentCode: '' }
    expect(unitUpdateInput(form)).toEqual({ name: '和平分局（新）', parentCode: null, districtCode: '210102001' })
  })
})
