import { computed, onScopeDispose, shallowRef } from 'vue'
import { toApiError, type ApiError } from '@/api/errors'
import type { ConnectionPage } from './useConnection'

/**
 * Page-by-page navigation over a cursor connection (`first`/`after`): the cursor that
 * starts each page seen so far is remembered, so "previous" and "next" never guess a
 * cursor. `reload()` goes back to page 1; `refresh()` reloads the current page.
 */
export function usePagedConnection<TNode>(
  fetchPage: (after: string | null, signal: AbortSignal) => Promise<ConnectionPage<TNode>>,
) {
  const items = shallowRef<TNode[]>([])
  const totalCount = shallowRef(0)
  const hasNextPage = shallowRef(false)
  const loading = shallowRef(false)
  const loaded = shallowRef(false)
  const error = shallowRef<ApiError>()
  const page = shallowRef(0)
  let starts: Array<string | null> = [null]
  let nextCursor: string | null = null
  let controller: AbortController | undefined

  async function load(index: number): Promise<void> {
    controller?.abort()
    const own = new AbortController()
    controller = own
    loading.value = true
    error.value = undefined
    try {
      const result = await fetchPage(starts[index] ?? null, own.signal)
      if (own.signal.aborted) return
      items.value = result.nodes
      totalCount.value = result.totalCount
      hasNextPage.value = result.hasNextPage
      nextCursor = result.endCursor ?? null
      page.value = index
      loaded.value = true
    } catch (e) {
      if (own.signal.aborted) return
      error.value = toApiError(e)
    } finally {
      if (controller === own) loading.value = false
    }
  }

  const reload = () => {
    starts = [null]
    return load(0)
  }
  const refresh = () => load(page.value)
  const next = () => {
    if (!hasNextPage.value || loading.value) return Promise.resolve()
    starts[page.value + 1] = nextCursor
    return load(page.value + 1)
  }
  const previous = () => (page.value > 0 && !loading.value ? load(page.value - 1) : Promise.resolve())

  onScopeDispose(() => controller?.abort())

  return {
    items,
    totalCount,
    hasNextPage,
    hasPreviousPage: computed(() => page.value > 0),
    /** 1-based, for display. */
    pageNumber: computed(() => page.value + 1),
    loading,
    loaded,
    error,
    reload,
    refresh,
    next,
    previous,
  }
}

export type PagedConnection<TNode> = ReturnType<typeof usePagedConnection<TNode>>
