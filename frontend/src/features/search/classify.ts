import { normaliseUscc, validateUscc, type UsccResult } from '@/features/uscc/uscc'

/** At this length an all-[0-9A-Z] input is taken for a code, even with a typo in it. */
export const CODE_ATTEMPT_MIN_LENGTH = 15
/** An input with this many digits, making up at least half of it, is a code attempt. */
export const DIGIT_HEAVY_MIN_DIGITS = 4

export type SearchInput =
  | { kind: 'empty' }
  | { kind: 'code'; result: UsccResult }
  | { kind: 'name'; name: string }
  | { kind: 'idNumber'; idNumber: string }

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/**
 * A resident ID number (GB 11643): a region (first digit 1–8), a birth date, a sequence
 * and the ISO 7064 MOD 11-2 check digit.
 */
export function isIdNumber(value: string): boolean {
  const shaped = /^[1-8]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(value)
  if (!shaped) return false
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0)
  return '10X98765432'[sum % 11] === value[17]
}

/**
 * Decide whether the home search box holds an attempt at a USCC (validated as typed,
 * before any request), a resident ID number or a name (both searched by `subjectSearch`).
 */
export function classifySearchInput(input: string): SearchInput {
  const value = normaliseUscc(input)
  if (!value) return { kind: 'empty' }
  const compact = value.replace(/\s+/g, '')
  const digits = compact.replace(/\D/g, '').length
  const alnumLong = compact.length >= CODE_ATTEMPT_MIN_LENGTH && /^[0-9A-Z]+$/.test(compact)
  const digitHeavy = digits >= DIGIT_HEAVY_MIN_DIGITS && digits * 2 >= [...compact].length
  if (alnumLong || digitHeavy) {
    const result = validateUscc(value)
    // The public finds a natural person only by the exact, complete ID number (searched
    // by `subjectSearch`); an 18-digit valid organisation code stays a code.
    if (!result.ok && isIdNumber(compact)) return { kind: 'idNumber', idNumber: compact }
    return { kind: 'code', result }
  }
  return { kind: 'name', name: input.trim() }
}
