import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    corrections: {
      editTitle: '修改草稿',
      editLead: '修改后保存仍为草稿；提交审核后由市局重新审核。',
      saveChanges: '保存修改',
      saved: '修改已保存',
      notFound: '未找到该信用信息，或不在您的数据范围内',
      notADraft: '该信息当前不是草稿，不能修改。已退回的信息请先“重新编辑”。',
      returnReason: '审核退回理由',
      returnedTitle: '已退回：请按理由修改后重新提交',
      warningsTitle: '审核提示（请再核对）',
      returnedRecords: '退回待修改',
      returnedFilter: '只看已退回',
      confirm: {
        delete: '删除后该草稿不再出现在列表中（审计记录保留）。确定删除？',
      },
    },
  },
  en: {
    corrections: {
      editTitle: 'Edit draft',
      editLead: 'Saved changes keep the record a draft; once submitted, the city bureau reviews it again.',
      saveChanges: 'Save changes',
      saved: 'Changes saved',
      notFound: 'No such record in your scope',
      notADraft: 'This record is not a draft and cannot be edited. Reopen a returned record first.',
      returnReason: 'Reason for return',
      returnedTitle: 'Returned: correct it as asked and submit it again',
      warningsTitle: 'Review warnings (check again)',
      returnedRecords: 'Returned for correction',
      returnedFilter: 'Returned only',
      confirm: {
        delete: 'The draft will no longer be listed (the audit trail keeps it). Delete it?',
      },
    },
  },
})
