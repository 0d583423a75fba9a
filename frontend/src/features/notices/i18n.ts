import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    notices: {
      title: '通知书',
      lead: '书面告知的文书：列入/移出名单、异议受理与结果、信用修复结果、书面信用提醒。可预览并打印（A4）。',
      empty: '暂无通知书',
      createdAt: '制作时间',
      kind: '文书种类',
      noticeTitle: '标题',
      view: '查看/打印',
      preview: '通知书预览',
      print: '打印',
    },
  },
  en: {
    notices: {
      title: 'Notices',
      lead: 'Written notices: listing and removal, objection acceptance and result, credit repair result, written reminders. Preview and print (A4).',
      empty: 'No notices',
      createdAt: 'Made',
      kind: 'Kind',
      noticeTitle: 'Title',
      view: 'View / print',
      preview: 'Notice preview',
      print: 'Print',
    },
  },
})
