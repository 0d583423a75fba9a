import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    exports: {
      excel: '导出 Excel',
      csv: '导出 CSV',
      started: '已生成导出文件：{name}',
      failed: '导出失败：{reason}',
      hint: '按当前筛选条件导出全部结果（最多 10000 条）',
    },
  },
  en: {
    exports: {
      excel: 'Export Excel',
      csv: 'Export CSV',
      started: 'Export ready: {name}',
      failed: 'Export failed: {reason}',
      hint: 'Exports every result of the current filters (up to 10,000 rows)',
    },
  },
})
