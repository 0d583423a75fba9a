/**
 * Messages of the console features: each feature folder may hold an `i18n.ts` whose default
 * export is `defineMessages({ 'zh-CN': { <feature>: {…} }, en: { <feature>: {…} } })`
 * (its own top-level key). They are merged here, so a feature adds its words without
 * editing zh-CN.ts / en.ts; the English shape must equal the Chinese one (checked by the
 * compiler, and by i18n.spec.ts).
 */

type Tree = { [key: string]: string | Tree }

export interface FeatureMessages<T extends Tree> {
  'zh-CN': T
  en: NoInfer<T>
}

export function defineMessages<T extends Tree>(messages: FeatureMessages<T>): FeatureMessages<T> {
  return messages
}

const modules = import.meta.glob<{ default: FeatureMessages<Tree> }>('../features/*/i18n.ts', { eager: true })

function merge(locale: 'zh-CN' | 'en'): Tree {
  const out: Tree = {}
  for (const path of Object.keys(modules).sort()) {
    for (const [key, value] of Object.entries(modules[path]!.default[locale])) {
      if (key in out) throw new Error(`i18n key "${key}" defined by two features (${path})`)
      out[key] = value
    }
  }
  return out
}

export const featureMessages = { 'zh-CN': merge('zh-CN'), en: merge('en') }
