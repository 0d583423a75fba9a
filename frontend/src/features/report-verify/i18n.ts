import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    verify: {
      title: '信用报告核验',
      lead: '输入信用报告上的统一社会信用代码、信息截至日期和核验码，核对报告是否由本平台出具、内容是否一致。',
      asOf: '信息截至日期',
      code: '核验码',
      submit: '核验',
      valid: '核验通过：报告真实有效',
      validDetail: '{name}，信息截至 {date} 的信用报告与本平台记录一致。',
      invalid: '核验未通过',
      invalidDetail: '核验码与该主体该日的信用报告不符。',
    },
  },
  en: {
    verify: {
      title: 'Verify a credit report',
      lead: 'Enter the code, the as-of date and the verification code printed on a credit report to check that this platform issued it unchanged.',
      asOf: 'As of',
      code: 'Verification code',
      submit: 'Verify',
      valid: 'Valid: the report is genuine',
      validDetail: 'The credit report of {name} as of {date} matches this platform’s records.',
      invalid: 'Not valid',
      invalidDetail: 'The code does not match this subject’s report of that day.',
    },
  },
})
