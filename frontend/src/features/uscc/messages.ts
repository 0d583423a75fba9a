import type { UsccResult } from './uscc'

type Translate = (key: string, named: Record<string, unknown>) => string

/** The message naming what is wrong with a code, or '' when it is valid. */
export function usccFaultMessage(result: UsccResult, t: Translate): string {
  if (result.ok) return ''
  const chars = [...result.value]
  switch (result.fault) {
    case 'length':
      return t('uscc.fault.length', { length: chars.length })
    case 'character':
      return t('uscc.fault.character', { position: result.position, char: chars[(result.position ?? 1) - 1] })
    case 'authority':
      return t('uscc.fault.authority', { char: chars[0] })
    case 'check_digit':
      return t('uscc.fault.check_digit', { expected: result.expected })
  }
}
