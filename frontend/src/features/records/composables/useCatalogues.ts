import { computed, onMounted } from 'vue'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { getFragmentData } from '@/gql'
import type { CatalogueEntryFieldsFragment } from '@/gql/graphql'
import { useRequest } from '@/shared/composables/useRequest'
import { CatalogueEntryFields, CataloguesQuery } from '../operations'

export type CatalogueEntry = CatalogueEntryFieldsFragment

export interface Catalogues {
  watchSituations: CatalogueEntry[]
  infoTypes: CatalogueEntry[]
  sanctionKinds: CatalogueEntry[]
  violationDomains: CatalogueEntry[]
}

// The catalogues are the regulations' fixed lists: fetched once per page load.
let cached: Promise<Catalogues> | undefined

export function loadCatalogues(): Promise<Catalogues> {
  cached ??= request(CataloguesQuery)
    .then(({ catalogues: c }) => ({
      watchSituations: [...getFragmentData(CatalogueEntryFields, c.watchSituations)],
      infoTypes: [...getFragmentData(CatalogueEntryFields, c.infoTypes)],
      sanctionKinds: [...getFragmentData(CatalogueEntryFields, c.sanctionKinds)],
      violationDomains: [...getFragmentData(CatalogueEntryFields, c.violationDomains)],
    }))
    .catch((error: unknown) => {
      cached = undefined
      throw error
    })
  return cached
}

/** Sanction kinds whose amount is part of 罚没款 (the server's `monetary` kinds). */
export const MONETARY_SANCTIONS: ReadonlySet<string> = new Set(['fine', 'confiscation'])

/** The catalogues for a view, with the name of a code in the current language. */
export function useCatalogues() {
  const { locale } = useI18n()
  const state = useRequest(() => loadCatalogues())
  onMounted(() => void state.run())

  const entryName = (entry: CatalogueEntry) => (locale.value === 'en' ? entry.nameEn : entry.name)
  const index = computed(() => {
    const c = state.data.value
    const map = (list: CatalogueEntry[] | undefined) => new Map((list ?? []).map((e) => [e.code, e]))
    return {
      watchSituations: map(c?.watchSituations),
      infoTypes: map(c?.infoTypes),
      sanctionKinds: map(c?.sanctionKinds),
      violationDomains: map(c?.violationDomains),
    }
  })

  /** The name of `code` in one catalogue; the code itself when unknown. */
  function nameOf(catalogue: keyof Catalogues, code: string | null | undefined): string {
    if (!code) return ''
    const entry = index.value[catalogue].get(code)
    return entry ? entryName(entry) : code
  }

  return { ...state, entryName, nameOf }
}
