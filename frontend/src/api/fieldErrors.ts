/**
 * Payload errors (`errors: [{ field, message, code }]`) → the form field they name.
 *
 * The server names fields by their camelCase input path, with indexes in brackets:
 * `situationCode`, `violations[0].sanctions[1].amountYuan`. Element Plus form items name
 * theirs with dots (`violations.0.sanctions.1.amountYuan`): `formPath` converts. An error
 * with no field, or naming a field the form does not show, is a general error.
 */
import type { UserErrorCode } from '@/gql/error-codes'

export interface FieldError {
  field?: string | null
  message: string
  code?: UserErrorCode
}

export interface MappedErrors {
  /** Form-item path (dotted) → message; the first error of a field wins. */
  fields: Record<string, string>
  /** Errors to show above the form. */
  general: string[]
}

/** `violations[0].sanctions[1].amountYuan` → `violations.0.sanctions.1.amountYuan`. */
export function formPath(field: string): string {
  return field
    .trim()
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
}

/**
 * Split errors into field errors and general ones. `knows(path)` says whether the form
 * shows a field for that path (default: every named field is shown).
 */
export function mapFieldErrors(
  errors: ReadonlyArray<FieldError>,
  knows: (path: string) => boolean = () => true,
): MappedErrors {
  const result: MappedErrors = { fields: {}, general: [] }
  for (const error of errors) {
    const path = error.field ? formPath(error.field) : ''
    if (path && knows(path)) {
      result.fields[path] ??= error.message
    } else {
      result.general.push(error.message)
    }
  }
  return result
}

/** Paths of a form: fixed field names plus patterns for its repeated rows. */
export function formFields(names: readonly string[], patterns: readonly RegExp[] = []): (path: string) => boolean {
  const set = new Set(names)
  return (path) => set.has(path) || patterns.some((p) => p.test(path))
}
