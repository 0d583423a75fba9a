/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * Mirrors the server's rules exactly; both sides are tested against the shared
 * cases in backend/credit/subjects/uscc_cases.json. Faults are reported in a
 * fixed order: length, then character, then registration authority, then check digit,
 * so that one input always yields the same fault on both sides.
 */

export const USCC_LENGTH = 18

/** Index in this string is the character's value cᵢ (no I, O, Z, S, V). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Position 1: 1–9, plus A (军队), N (农业) and Y (其他), which are real. */
export const USCC_AUTHORITIES = '123456789ANY'

export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

export type UsccFault = 'length' | 'character' | 'authority' | 'check_digit'

export type UsccResult =
  | { ok: true; value: string }
  | {
      ok: false
      fault: UsccFault
      /** The normalised input. */
      value: string
      /** 1-based position of the offending character (character, authority, check_digit). */
      position?: number
      /** The character that should be at `position` (check_digit only). */
      expected?: string
    }

/**
 * Trim, fold full-width characters (digits, letters, ideographic space) to half-width
 * and upper-case. NFKC is what the server uses (`unicodedata.normalize("NFKC", …)`), so
 * both sides fold exactly the same characters.
 */
export function normaliseUscc(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase()
}

/** The check character for the first 17 characters (which must all be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  USCC_WEIGHTS.forEach((weight, i) => {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * weight
  })
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

export function validateUscc(input: string): UsccResult {
  const value = normaliseUscc(input)
  const chars = [...value]
  if (chars.length !== USCC_LENGTH) return { ok: false, fault: 'length', value }

  const bad = chars.findIndex((ch) => !USCC_ALPHABET.includes(ch))
  if (bad >= 0) return { ok: false, fault: 'character', position: bad + 1, value }

  if (!USCC_AUTHORITIES.includes(value.charAt(0))) {
    return { ok: false, fault: 'authority', position: 1, value }
  }

  const expected = usccCheckCharacter(value.slice(0, 17))
  if (value.charAt(17) !== expected) {
    return { ok: false, fault: 'check_digit', position: 18, expected, value }
  }
  return { ok: true, value }
}

export function isValidUscc(input: string): boolean {
  return validateUscc(input).ok
}
