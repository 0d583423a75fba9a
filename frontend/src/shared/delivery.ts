/** A row of a delivery log: something sent to another system, retried until delivered. */
export interface DeliveryRow {
  id: string
  status: 'PENDING' | 'FAILED' | 'DELIVERED'
  attempts: number
  createdAt: string
  nextAttemptAt?: string | null
  deliveredAt?: string | null
  lastError?: string | null
}

export const DELIVERY_STATUS_TAG = { PENDING: 'warning', FAILED: 'danger', DELIVERED: 'success' } as const

/** Only a failed delivery is sent again by hand; a pending one is still being retried. */
export function isRedeliverable(row: Pick<DeliveryRow, 'status'>): boolean {
  return row.status === 'FAILED'
}

/** The moment of the "next" column: when it was delivered, else when it is tried next. */
export function whenNext(row: Pick<DeliveryRow, 'status' | 'nextAttemptAt' | 'deliveredAt'>): string | null | undefined {
  return row.status === 'DELIVERED' ? row.deliveredAt : row.nextAttemptAt
}
