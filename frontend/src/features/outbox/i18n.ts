import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    outbox: {
      title: '投递队列',
      lead: '发往公示网站（信用沈阳、沈阳警网）与市公共信用信息共享服务平台的推送事件：待推送、推送失败与已送达，含尝试次数与最近错误。推送失败的可重新推送。',
      empty: '没有符合条件的推送事件',
      target: '推送目标',
      kind: '事件类型',
      key: '幂等键',
      attempts: '尝试',
      lastAttemptAt: '最近尝试',
      next: '下次尝试 / 送达',
      lastError: '最近错误',
      createdAt: '创建时间',
      status: {
        PENDING: '待推送',
        FAILED: '推送失败',
        DELIVERED: '已送达',
      },
      requeue: {
        title: '重新推送',
        action: '重新推送',
        selected: '重新推送所选（{n}）',
        confirm: '将 {n} 个推送失败的事件重新加入队列（从现在起重新计数）。确定？',
        done: '已重新加入队列：{n} 个',
      },
    },
  },
  en: {
    outbox: {
      title: 'Deliveries',
      lead: 'Events sent to the public sites and the municipal credit platform: pending, failed and delivered, with attempts and the last error. Failed ones can be requeued.',
      empty: 'No events match',
      target: 'Target',
      kind: 'Event',
      key: 'Idempotency key',
      attempts: 'Tries',
      lastAttemptAt: 'Last attempt',
      next: 'Next attempt / delivered',
      lastError: 'Last error',
      createdAt: 'Created',
      status: {
        PENDING: 'Pending',
        FAILED: 'Failed',
        DELIVERED: 'Delivered',
      },
      requeue: {
        title: 'Requeue',
        action: 'Requeue',
        selected: 'Requeue selected ({n})',
        confirm: 'Requeue {n} failed event(s), counting attempts afresh?',
        done: 'Requeued: {n}',
      },
    },
  },
})
