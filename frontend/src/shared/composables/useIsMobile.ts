import { onScopeDispose, shallowRef } from 'vue'

export const MOBILE_QUERY = '(max-width: 767px)'

/** True on phone-sized screens; follows rotation and window resizes. */
export function useIsMobile() {
  const media = window.matchMedia(MOBILE_QUERY)
  const isMobile = shallowRef(media.matches)
  const update = (e: MediaQueryListEvent) => (isMobile.value = e.matches)
  media.addEventListener('change', update)
  onScopeDispose(() => media.removeEventListener('change', update))
  return isMobile
}
