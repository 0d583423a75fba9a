/**
 * A queue's status filter as its query's `status` variable: one status, or none for every
 * status (the select cleared, or the "all" button).
 */
export function statusVariable<S extends string>(choice: S | '' | 'ALL'): S[] | null {
  return choice === '' || choice === 'ALL' ? null : [choice as S]
}

/** The same for the export of the list: the file holds what the list shows. */
export function statusParam<S extends string>(choice: S | '' | 'ALL'): S | null {
  return choice === '' || choice === 'ALL' ? null : (choice as S)
}
