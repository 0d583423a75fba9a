/**
 * The targets the filter offers: those already known and those of the rows just loaded
 * (code → name; a later name for a code replaces the earlier). A new map, so that a view
 * holding it in a shallow ref sees the change.
 */
export function knownTargets(known: ReadonlyMap<string, string>, rows: ReadonlyArray<{ target: string; targetName: string }>): Map<string, string> {
  const next = new Map(known)
  rows.forEach((r) => next.set(r.target, r.targetName))
  return next
}
