import { normaliseUscc, validateUscc, type UsccResult } from '@/features/uscc/uscc'

/** At this length an all-[0-9A-Z] input is taken for a code, even with a typo in it. */
export const CODE_ATTEMPT_MIN_LENGTH = 15
/** An input with this many digits, making up at least half of it, is a code attempt. */
export const DIGIT_HEAVY_MIN_DIGITS = 4

export type SearchInput =
  | { kind: 'empty' }
  | { kind: 'code'; result: UsccResult }
  | { kind: 'name'; name: string }

/**
 * Decide whether the home search box holds an attempt at a USCC (validated as typed,
 * before any request) or a name (searched by `subjectSearch`).
 */
export function classifySearchInput(input: string): SearchInput {
  const value = normaliseUscc(input)
  if (!value) return { kind: 'empty' }
  const compact = value.replace(/\s+/g, '')
  const digits = compact.replace(/\D/g, '').length
  const alnumLong = compact.length >= CODE_ATTEMPT_MIN_LENGTH && /^[0-9A-Z]+$/.test(compact)
  const digitHeavy = digits >= DIGIT_HEAVY_MIN_DIGITS && digits * 2 >= [...compact].length
  if (alnumLong || digitHeavy) return { kind: 'code', result: validateUscc(value) }
  return { kind: 'name', name: input.trim() }
}
