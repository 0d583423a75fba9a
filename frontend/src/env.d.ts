/// <reference types="vite/client" />
import type { vCan } from './auth/vCan'

declare module 'vue' {
  interface GlobalDirectives {
    /** `v-can="'PERMISSION'"`: shown only to users holding the permission (src/auth/vCan.ts). */
    vCan: typeof vCan
  }
}
