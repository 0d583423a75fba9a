/** A policy version's parameters are edited as JSON text: shown indented, read back strictly. */
export function paramsText(params: unknown): string {
  return JSON.stringify(params, null, 2)
}

export function parseParams(text: string): { ok: true; params: unknown } | { ok: false } {
  try {
    return { ok: true, params: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** The server's errors by field; one without a field belongs to the parameters. */
export function policyFieldErrors(errors: ReadonlyArray<{ field?: string | null; message: string }>): Record<string, string> {
  return Object.fromEntries(errors.map((e) => [e.field ?? 'params', e.message]))
}
