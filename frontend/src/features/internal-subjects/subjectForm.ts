import type { FieldError } from '@/api/fieldErrors'
import type { SubjectCreateInput, SubjectFormFieldsFragment, SubjectKind, SubjectUpdateInput } from '@/gql/graphql'

/** 新建主体 / 编辑主体: the form's values, and what it sends. */
export interface SubjectForm {
  name: string
  kind: SubjectKind
  district: string
  uscc: string
  idNumber: string
  address: string
  legalRepresentative: string
  licenceNo: string
}

export const SUBJECT_KINDS: readonly SubjectKind[] = ['ENTERPRISE', 'SOCIAL_ORGANISATION', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON']
export const SUBJECT_FIELDS = ['name', 'kind', 'district', 'uscc', 'idNumber', 'address', 'legalRepresentative', 'licenceNo']

export function blankSubjectForm(): SubjectForm {
  return { name: '', kind: 'ENTERPRISE', district: '', uscc: '', idNumber: '', address: '', legalRepresentative: '', licenceNo: '' }
}

type Original = Pick<SubjectFormFieldsFragment, 'name' | 'kind' | 'uscc' | 'address' | 'legalRepresentative' | 'licenceNo'> & {
  district?: { code: string } | null
}

/**
 * The form of a subject being edited. The ID number is never shown back (the server only
 * gives it masked): left blank, it stays as it is.
 */
export function subjectFormOf(s: Original): SubjectForm {
  return {
    ...blankSubjectForm(),
    name: s.name,
    kind: s.kind,
    district: s.district?.code ?? '',
    uscc: s.uscc ?? '',
    address: s.address,
    legalRepresentative: s.legalRepresentative,
    licenceNo: s.licenceNo,
  }
}

/** A natural person is identified by an ID number (asked only when created), anyone else by a USCC. */
export function isPerson(form: Pick<SubjectForm, 'kind'>): boolean {
  return form.kind === 'NATURAL_PERSON'
}

export function subjectProblems(form: SubjectForm, editing: boolean, message: string): FieldError[] {
  const person = isPerson(form)
  return [
    ...(form.name.trim() ? [] : [{ field: 'name', message }]),
    ...(form.district ? [] : [{ field: 'district', message }]),
    ...(!person && !form.uscc.trim() ? [{ field: 'uscc', message }] : []),
    ...(person && !editing && !form.idNumber.trim() ? [{ field: 'idNumber', message }] : []),
  ]
}

export function subjectCreateInput(form: SubjectForm): SubjectCreateInput {
  const person = isPerson(form)
  return {
    name: form.name.trim(),
    kind: form.kind,
    district: form.district,
    uscc: person ? null : form.uscc.trim(),
    idNumber: person ? form.idNumber.trim() : null,
    address: form.address.trim(),
    legalRepresentative: form.legalRepresentative.trim(),
    licenceNo: form.licenceNo.trim(),
  }
}

/** Only what changed, for an update (null = unchanged; the ID number when one is typed). */
export function subjectChanges(form: SubjectForm, s: Original): SubjectUpdateInput {
  const person = isPerson(form)
  const pick = <T>(now: T, before: T) => (now === before ? null : now)
  return {
    name: pick(form.name.trim(), s.name),
    kind: pick(form.kind, s.kind),
    district: pick(form.district, s.district?.code ?? ''),
    uscc: person ? null : pick(form.uscc.trim(), s.uscc ?? ''),
    idNumber: person && form.idNumber.trim() ? form.idNumber.trim() : null,
    address: pick(form.address.trim(), s.address),
    legalRepresentative: pick(form.legalRepresentative.trim(), s.legalRepresentative),
    licenceNo: pick(form.licenceNo.trim(), s.licenceNo),
  }
}
