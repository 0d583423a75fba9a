import type { MessageSchema } from './zh-CN'

declare module 'vue-i18n' {
  // Typed message keys for useI18n()/t() in components.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
