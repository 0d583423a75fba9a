import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    profileActions: {
      label: '办理',
      pdf: '下载信用报告（PDF）',
      report: '举报',
      objection: '提出异议',
      repair: '申请信用修复',
    },
  },
  en: {
    profileActions: {
      label: 'Actions',
      pdf: 'Credit report (PDF)',
      report: 'Report',
      objection: 'File an objection',
      repair: 'Apply for credit repair',
    },
  },
})
