import { computed, shallowRef } from 'vue'
import { mapFieldErrors, type FieldError } from '@/api/fieldErrors'

/**
 * Errors of one form, from the client-side checks or the server's payload: bind
 * `:error="errors.field('situationCode')"` on each form item, show `errors.general` above.
 */
export function useFormErrors(knows?: (path: string) => boolean) {
  const fields = shallowRef<Record<string, string>>({})
  const general = shallowRef<string[]>([])

  function apply(errors: ReadonlyArray<FieldError>): boolean {
    const mapped = mapFieldErrors(errors, knows)
    fields.value = mapped.fields
    general.value = mapped.general
    return errors.length > 0
  }

  function clear(path?: string): void {
    if (path === undefined) {
      fields.value = {}
      general.value = []
    } else if (path in fields.value) {
      const { [path]: _removed, ...rest } = fields.value
      fields.value = rest
    }
  }

  return {
    apply,
    clear,
    /** Message of one field ('' when none: ElFormItem shows nothing). */
    field: (path: string) => fields.value[path] ?? '',
    general: computed(() => general.value),
    hasErrors: computed(() => general.value.length > 0 || Object.keys(fields.value).length > 0),
  }
}

export type FormErrors = ReturnType<typeof useFormErrors>
