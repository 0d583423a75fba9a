import { computed, onScopeDispose, shallowRef } from 'vue'
import { toApiError, type ApiError } from '@/api/errors'

/** One page of a Relay connection, flattened to its nodes. */
export interface ConnectionPage<TNode> {
  nodes: TNode[]
  hasNextPage: boolean
  endCursor: string | null | undefined
  totalCount: number
}

export interface Connection<TEdges extends ReadonlyArray<{ node: unknown }>> {
  edges: TEdges
  pageInfo: { hasNextPage: boolean; endCursor?: string | null }
  totalCount: number
}

export function toPage<TEdges extends ReadonlyArray<{ node: unknown }>>(
  connection: Connection<TEdges>,
): ConnectionPage<TEdges[number]['node']> {
  return {
    nodes: connection.edges.map((e) => e.node),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
    totalCount: connection.totalCount,
  }
}

/**
 * Cursor pagination (`first`/`after`) with "load more": `reload()` starts from the first
 * page (aborting anything in flight), `loadMore()` appends the next one.
 */
export function useConnection<TNode>(
  fetchPage: (after: string | null, signal: AbortSignal) => Promise<ConnectionPage<TNode>>,
) {
  const items = shallowRef<TNode[]>([])
  const totalCount = shallowRef(0)
  const hasNextPage = shallowRef(false)
  const loading = shallowRef(false)
  const loaded = shallowRef(false)
  const error = shallowRef<ApiError>()
  let cursor: string | null = null
  let controller: AbortController | undefined

  async function fetchInto(after: string | null, append: boolean): Promise<void> {
    controller?.abort()
    const own = new AbortController()
    controller = own
    loading.value = true
    error.value = undefined
    try {
      const page = await fetchPage(after, own.signal)
      if (own.signal.aborted) return
      items.value = append ? [...items.value, ...page.nodes] : page.nodes
      totalCount.value = page.totalCount
      hasNextPage.value = page.hasNextPage
      cursor = page.endCursor ?? null
      loaded.value = true
    } catch (e) {
      if (own.signal.aborted) return
      error.value = toApiError(e)
    } finally {
      if (controller === own) loading.value = false
    }
  }

  const reload = () => {
    cursor = null
    items.value = []
    loaded.value = false
    return fetchInto(null, false)
  }
  const loadMore = () => (hasNextPage.value && !loading.value ? fetchInto(cursor, true) : Promise.resolve())

  onScopeDispose(() => controller?.abort())

  return {
    items,
    totalCount,
    hasNextPage,
    loading,
    loaded,
    error,
    isEmpty: computed(() => loaded.value && items.value.length === 0),
    reload,
    loadMore,
  }
}
