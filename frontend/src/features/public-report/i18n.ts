import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    publicReport: {
      title: '举报',
      lead: '发现主体存在违法违规或失信行为的，可在此举报。请如实反映情况，可附证明材料。',
      about: '被举报主体：{name}',
      uscc: '被举报主体的统一社会信用代码',
      usccRequired: '请填写统一社会信用代码',
      content: '举报内容',
      contentPlaceholder: '写明时间、地点、事实经过等',
      contentRequired: '请填写举报内容',
      confidential: '姓名与联系方式可不填。如填写，将加密保存并严格保密，仅承办人可见，用于核实情况和反馈结果。',
      name: '姓名（可选）',
      contact: '联系方式（可选）',
      submit: '提交举报',
      filed: '举报已受理',
      ackLabel: '受理编号',
      ackHint: '请妥善保存受理编号，咨询办理情况时请提供。',
      back: '返回信用信息',
    },
  },
  en: {
    publicReport: {
      title: 'Report',
      lead: 'Report a violation or dishonest conduct of a subject. Describe the facts truthfully; you may attach evidence.',
      about: 'Subject reported: {name}',
      uscc: 'Unified social credit code of the subject',
      usccRequired: 'Enter the unified social credit code',
      content: 'What happened',
      contentPlaceholder: 'When, where and what happened',
      contentRequired: 'Describe what happened',
      confidential: 'Name and contact are optional. If given, they are encrypted and kept confidential, seen only by the officer handling the report, to check facts and reply.',
      name: 'Name (optional)',
      contact: 'Contact (optional)',
      submit: 'Submit report',
      filed: 'Report received',
      ackLabel: 'Acknowledgement number',
      ackHint: 'Keep this number and quote it when asking about your report.',
      back: 'Back to the profile',
    },
  },
})
