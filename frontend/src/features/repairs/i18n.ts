import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    repairs: {
      title: '信用修复',
      lead: '移出名单的信用修复申请：核查整改情况，准予修复（填写解除决定文书号）或不予修复（写明理由），均书面告知。',
      empty: '没有符合条件的修复申请',
      number: '编号 {id}',
      status: {
        FILED: '待审核',
        APPROVED: '准予修复',
        REJECTED: '不予修复',
        WITHDRAWN: '已撤回',
      },
      fields: {
        rectification: '整改情况',
        decisionNo: '解除决定文书号',
        issuingUnit: '作出单位',
        decisionReason: '审核意见 / 理由',
      },
      actions: {
        approve: '准予修复',
        reject: '不予修复',
        withdraw: '撤回',
        applyPaper: '录入书面申请',
        applyOnline: '申请信用修复',
      },
      approve: {
        title: '准予修复',
        reason: '审核意见（可选）',
        decisionNoRequired: '须填写解除决定文书号',
        decisionNoPlaceholder: '如：沈公技防解〔2026〕001号',
        hint: '准予后所涉信息即时停止公示与计数，生成告知书并推送公示网站。',
      },
      reject: {
        title: '不予修复',
        label: '不予修复的理由（将书面告知申请人）',
      },
      withdraw: {
        confirm: '确定撤回该修复申请？',
      },
      done: {
        approved: '已准予修复',
        rejected: '已决定不予修复',
        withdrawn: '已撤回',
      },
      form: {
        titleOnline: '申请信用修复',
        titlePaper: '录入书面修复申请',
        leadOnline: '已整改到位的，可申请移出名单（信用修复）。须在最短公示期满后申请，说明整改情况并附证明材料。',
        leadPaper: '录入申请人提交的书面修复申请：选择主体与所涉不良信息，说明整改情况。',
        rectificationPlaceholder: '整改措施、完成情况及时间',
        rectificationRequired: '须说明整改情况',
        submit: '提交申请',
        applied: '修复申请已提交（编号 {id}）',
        appliedDetail: '审核结果将书面告知。',
        toList: '查看申请',
        again: '再录入一件',
      },
    },
  },
  en: {
    repairs: {
      title: 'Credit repair',
      lead: 'Applications to leave a list: check the rectification, approve (with the removal decision number) or reject (with a reason); both notified in writing.',
      empty: 'No applications match',
      number: 'No. {id}',
      status: {
        FILED: 'Awaiting review',
        APPROVED: 'Approved',
        REJECTED: 'Rejected',
        WITHDRAWN: 'Withdrawn',
      },
      fields: {
        rectification: 'Rectification',
        decisionNo: 'Removal decision number',
        issuingUnit: 'Issuing unit',
        decisionReason: 'Review opinion / reason',
      },
      actions: {
        approve: 'Approve',
        reject: 'Reject',
        withdraw: 'Withdraw',
        applyPaper: 'Enter a written application',
        applyOnline: 'Apply for credit repair',
      },
      approve: {
        title: 'Approve repair',
        reason: 'Opinion (optional)',
        decisionNoRequired: 'Enter the removal decision number',
        decisionNoPlaceholder: 'e.g. 沈公技防解〔2026〕001号',
        hint: 'On approval the records stop being published and counted at once; a notice is made and the public sites are told.',
      },
      reject: {
        title: 'Reject repair',
        label: 'Reason for rejecting (notified in writing)',
      },
      withdraw: {
        confirm: 'Withdraw this application?',
      },
      done: {
        approved: 'Repair approved',
        rejected: 'Repair rejected',
        withdrawn: 'Withdrawn',
      },
      form: {
        titleOnline: 'Apply for credit repair',
        titlePaper: 'Enter a written repair application',
        leadOnline: 'Once rectified, you may apply to leave a list (credit repair), after the minimum publication period, describing the rectification with evidence.',
        leadPaper: "Enter an applicant's written repair application: the subject, the bad records, the rectification.",
        rectificationPlaceholder: 'Measures taken, their completion and dates',
        rectificationRequired: 'Describe the rectification',
        submit: 'Submit application',
        applied: 'Application submitted (No. {id})',
        appliedDetail: 'The result is notified in writing.',
        toList: 'View applications',
        again: 'Enter another',
      },
    },
  },
})
