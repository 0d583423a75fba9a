import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    consoleSubjects: {
      title: '主体',
      lead: '数据范围内的主体：按名称或统一社会信用代码、辖区、信用等级查询。',
      search: '名称/代码',
      address: '地址',
      evaluatedAsOf: '评价截至',
      nextChangeAt: '下次自动变化',
      noNextChange: '无（不会因时间推移而变化）',
      publicProfile: '查看公开信息',
      records: '全部信用信息（{n} 条，含各状态）',
      noRecords: '暂无信用信息',
      moreRecords: '显示最近的 {shown} 条，共 {total} 条；其余可在“信用信息”中查询。',
      audit: '主体审计记录',
      removeFrom: '解除{list}',
      removeTitle: '解除名单（第十五条）',
      removePrompt: '解除“{list}”：所依据的信用信息将转为已修复，即时停止公示与计数。请填写理由：',
      removed: '已解除{list}',
    },
  },
  en: {
    consoleSubjects: {
      title: 'Subjects',
      lead: 'Subjects in your scope: search by name or unified social credit code, district and grade.',
      search: 'Name / code',
      address: 'Address',
      evaluatedAsOf: 'Evaluated as of',
      nextChangeAt: 'Next change by time',
      noNextChange: 'None (time alone changes nothing)',
      publicProfile: 'Public profile',
      records: 'All credit records ({n}, every state)',
      noRecords: 'No credit records',
      moreRecords: 'Showing {shown} of {total}; find the others under Credit records.',
      audit: 'Audit trail of the subject',
      removeFrom: 'Remove from the {list}',
      removeTitle: 'Removal from a list (Article 15)',
      removePrompt: 'Remove from the {list}: the records behind it become repaired and stop being published and counted at once. Reason:',
      removed: 'Removed from the {list}',
    },
  },
})
