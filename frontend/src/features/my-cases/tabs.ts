/** An enterprise account's cases, one tab each. */
export const MY_CASES_TABS = ['objections', 'repairs', 'notices'] as const
export type MyCasesTab = (typeof MY_CASES_TABS)[number]

interface Lazy {
  loaded: { value: boolean }
  reload: () => unknown
}

/**
 * A tab's list is fetched the first time the tab is opened, not before (most visits look at
 * one tab); once loaded, invalidation keeps it fresh, so reopening does not fetch again.
 */
export function loadOnFirstOpen(lists: Record<MyCasesTab, Lazy>, tab: MyCasesTab): void {
  if (!lists[tab].loaded.value) void lists[tab].reload()
}
