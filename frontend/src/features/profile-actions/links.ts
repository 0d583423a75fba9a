/** The credit report PDF of a subject as of a day (the server renders and signs it). */
export function reportPdfHref(uscc: string, asOf: string): string {
  return `/reports/${encodeURIComponent(uscc)}.pdf?asOf=${encodeURIComponent(asOf)}`
}

/** The profile is the signed-in enterprise account's own: only then are objection and repair offered. */
export function isOwnProfile(ownUscc: string | null | undefined, uscc: string): boolean {
  return Boolean(ownUscc) && ownUscc === uscc
}
