import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    review: {
      title: '审核',
      lead: '待审核与待公布的信用信息：审核通过、退回（须填写理由）或公布。',
      empty: '没有待审核或待公布的信用信息',
    },
  },
  en: {
    review: {
      title: 'Review',
      lead: 'Records awaiting review or publication: verify, reject (with a reason) or publish.',
      empty: 'Nothing awaits review or publication',
    },
  },
})
