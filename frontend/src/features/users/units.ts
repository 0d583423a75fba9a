import type { FieldError } from '@/api/fieldErrors'
import type { UnitCreateInput, UnitKind, UnitUpdateInput } from '@/gql/graphql'

/** A unit as the dialog holds it: places and the parent by code (the server's inputs name them so). */
export interface UnitForm {
  code: string
  name: string
  kind: UnitKind
  parentCode: string
  jurisdictionCode: string
  districtCode: string
}

export const UNIT_KINDS: readonly UnitKind[] = ['CITY_BUREAU', 'DISTRICT_BUREAU', 'POLICE_STATION', 'ASSOCIATION', 'PARTNER']

export function blankUnit(): UnitForm {
  return { code: '', name: '', kind: 'POLICE_STATION', parentCode: '', jurisdictionCode: '', districtCode: '' }
}

interface Unit {
  id: string
  code: string
  name: string
  kind: UnitKind
  isActive: boolean
  parentId?: string | null
  jurisdictionId?: string | null
  districtId?: string | null
}
type Place = { id: string; code: string }

/** The form of a unit being edited: its parent and places by code ('' for none, or one no longer listed). */
export function unitFormOf(u: Unit, units: readonly Unit[], jurisdictions: readonly Place[], districts: readonly Place[]): UnitForm {
  const codeOf = (id: string | null | undefined, among: readonly Place[]) => (id ? (among.find((p) => p.id === id)?.code ?? '') : '')
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentCode: codeOf(u.parentId, units),
    jurisdictionCode: codeOf(u.jurisdictionId, jurisdictions),
    districtCode: codeOf(u.districtId, districts),
  }
}

/** A unit can be placed under any active unit but itself. */
export function parentChoices<U extends Pick<Unit, 'id' | 'isActive'>>(units: readonly U[], editing: Pick<Unit, 'id'> | null): U[] {
  return units.filter((u) => u.isActive && u.id !== editing?.id)
}

export function unitProblems(form: UnitForm, message: string): FieldError[] {
  return (['code', 'name'] as const).filter((f) => !form[f].trim()).map((f) => ({ field: f, message }))
}

export function unitCreateInput(form: UnitForm): UnitCreateInput {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    kind: form.kind,
    parentCode: form.parentCode || null,
    jurisdictionCode: form.jurisdictionCode || null,
    districtCode: form.districtCode || null,
  }
}

/** An existing unit keeps its code, kind and jurisdiction: its name, parent and district change. */
export function unitUpdateInput(form: UnitForm): UnitUpdateInput {
  return { name: form.name.trim(), parentCode: form.parentCode || null, districtCode: form.districtCode || null }
}
