import { onScopeDispose } from 'vue'

/**
 * After a mutation, the views showing what it changed reload: the mutating code calls
 * `invalidate('records')`, each view that shows records registers
 * `onInvalidate(['records'], reload)` (for as long as it is mounted).
 */
export type Topic = 'records' | 'subjects' | 'lists' | 'users' | 'tokens' | 'audit' | (string & {})

const listeners = new Map<Topic, Set<() => unknown>>()

export function invalidate(...topics: Topic[]): void {
  const called = new Set<() => unknown>()
  for (const topic of topics) {
    for (const fn of listeners.get(topic) ?? []) {
      if (!called.has(fn)) {
        called.add(fn)
        void fn()
      }
    }
  }
}

export function onInvalidate(topics: Topic[], fn: () => unknown): void {
  for (const topic of topics) {
    if (!listeners.has(topic)) listeners.set(topic, new Set())
    listeners.get(topic)!.add(fn)
  }
  onScopeDispose(() => topics.forEach((topic) => listeners.get(topic)?.delete(fn)))
}
