import { ElMessage } from 'element-plus'
import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError, toApiError } from '@/api/errors'

/**
 * Run a mutation (or any action) from a button: `pending` while it runs; a top-level error
 * (PERMISSION_DENIED, network, …) is shown as a message and the result is `undefined`.
 * An expired session is not reported here: the router sends the user to sign in again.
 */
export function useSubmit() {
  const { t } = useI18n()
  const pending = shallowRef(false)

  async function submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    pending.value = true
    try {
      return await action()
    } catch (error) {
      const code = toApiError(error).code
      if (code !== 'UNAUTHENTICATED' && code !== 'CSRF_FAILED') {
        ElMessage.error({ message: describeError(error, t), customClass: 'api-error-message' })
      }
      return undefined
    } finally {
      pending.value = false
    }
  }

  return { pending, submit }
}
