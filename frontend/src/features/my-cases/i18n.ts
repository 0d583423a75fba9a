import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    myCases: {
      title: '我的申请',
      lead: '本单位的异议、信用修复申请与收到的告知书',
      profile: '查看公开信用信息',
      empty: '暂无记录',
      tabs: {
        objections: '异议',
        repairs: '信用修复',
        notices: '告知书',
      },
    },
  },
  en: {
    myCases: {
      title: 'My applications',
      lead: 'Your objections, credit repair applications and the notices you received',
      profile: 'View public credit profile',
      empty: 'Nothing yet',
      tabs: {
        objections: 'Objections',
        repairs: 'Credit repair',
        notices: 'Notices',
      },
    },
  },
})
