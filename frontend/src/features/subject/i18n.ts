import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    profileTabs: {
      label: '信用档案',
      basic: '基本信息',
      records: '行政处罚',
      lists: '名单',
      commitments: '信用承诺',
      grade: '信用评价',
      noCommitments: '暂无信用承诺',
      decisionDate: '决定日期',
      basisTitle: '列入依据（{n} 条）',
      windowEnded: '公示期已届满',
      publicUntil: '公示截止',
      recordsHint: '公示期内的行政处罚及其他公开信用信息',
    },
  },
  en: {
    profileTabs: {
      label: 'Credit file',
      basic: 'Basic information',
      records: 'Administrative penalties',
      lists: 'Lists',
      commitments: 'Credit commitments',
      grade: 'Credit evaluation',
      noCommitments: 'No credit commitments',
      decisionDate: 'Decision date',
      basisTitle: 'Basis ({n})',
      windowEnded: 'Public window ended',
      publicUntil: 'Public until',
      recordsHint: 'Administrative penalties and other public credit information inside their public window',
    },
  },
})
