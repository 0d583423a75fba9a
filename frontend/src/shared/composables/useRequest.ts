import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { toApiError, type ApiError } from '@/api/errors'

export interface RequestState<T> {
  data: ShallowRef<T | undefined>
  error: ShallowRef<ApiError | undefined>
  loading: ShallowRef<boolean>
  /** Run the request; a run still in flight is aborted, so only the latest answer lands. */
  run: () => Promise<void>
}

export function useRequest<T>(fetcher: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const data = shallowRef<T>()
  const error = shallowRef<ApiError>()
  const loading = shallowRef(false)
  let controller: AbortController | undefined

  async function run(): Promise<void> {
    controller?.abort()
    const own = new AbortController()
    controller = own
    loading.value = true
    error.value = undefined
    try {
      const result = await fetcher(own.signal)
      if (own.signal.aborted) return
      data.value = result
    } catch (e) {
      if (own.signal.aborted) return
      data.value = undefined
      error.value = toApiError(e)
    } finally {
      if (controller === own) loading.value = false
    }
  }

  onScopeDispose(() => controller?.abort())
  return { data, error, loading, run }
}
