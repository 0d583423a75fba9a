import type { FieldError } from '@/api/fieldErrors'
import { isIsoDate } from '@/shared/dates'
import type { LocationQuery } from 'vue-router'

// A type, not an interface: it is written to the route query as it is.
export type VerifyForm = {
  uscc: string
  asOf: string
  code: string
}

/** The PDF links here with all three in the address; a malformed day is dropped, not sent. */
export function verifyFormFromQuery(query: LocationQuery): VerifyForm {
  const q = (name: string) => (typeof query[name] === 'string' ? String(query[name]) : '')
  return { uscc: q('uscc'), asOf: isIsoDate(q('asOf')) ? q('asOf') : '', code: q('code') }
}

/** All three are needed. */
export function verifyProblems(form: VerifyForm, message: string): FieldError[] {
  return (['uscc', 'asOf', 'code'] as const).filter((f) => !form[f].trim()).map((f) => ({ field: f, message }))
}

/** What is asked (and written back to the address, to share the check): trimmed. */
export function verifyVariables(form: VerifyForm): VerifyForm {
  return { uscc: form.uscc.trim(), asOf: form.asOf, code: form.code.trim() }
}

/** Opened from the PDF's link with everything filled: checked at once. */
export function isComplete(form: VerifyForm): boolean {
  return Boolean(form.uscc && form.asOf && form.code)
}
