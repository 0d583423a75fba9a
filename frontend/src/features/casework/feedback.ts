import { ElMessage, ElMessageBox } from 'element-plus'
import type { FieldError } from '@/api/fieldErrors'

/** Payload errors of an action that has no form: shown as one message. True if any. */
export function showPayloadErrors(errors: ReadonlyArray<FieldError>): boolean {
  if (!errors.length) return false
  ElMessage.error({ message: errors.map((e) => e.message).join('；'), customClass: 'api-error-message' })
  return true
}

/** Ask before an action; false when the person cancels. */
export async function confirmAction(message: string, title: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { confirmButtonText: confirmText, cancelButtonText: cancelText, type: 'warning' })
    return true
  } catch {
    return false
  }
}
