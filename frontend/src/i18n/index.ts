import { createI18n } from 'vue-i18n'
import en from './en'
import { featureMessages } from './features'
import zhCN, { type MessageSchema } from './zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

const STORAGE_KEY = 'credit.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': { ...zhCN, ...featureMessages['zh-CN'] }, en: { ...en, ...featureMessages.en } },
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Switch the language, remember it and tell assistive technology via <html lang>. */
export function setLocale(current: { value: string }, locale: Locale): void {
  current.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
