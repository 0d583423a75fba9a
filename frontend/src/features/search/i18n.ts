import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    home: {
      lists: '名单公示',
      count: '{n} 家',
      latest: '最新公示',
      latestLead: '最近公布、仍在公示期内的信用信息（不含自然人）。',
      noLatest: '暂无公示信息',
      decision: '文书号 {no}',
      publishedOn: '公布日期 {date}',
      services: '便民服务',
      verify: '信用报告核验',
      verifyLead: '核对信用报告的核验码，确认报告真实有效',
      report: '我要举报',
      reportLead: '举报违法违规或失信行为，举报人信息严格保密',
      progress: '举报进度查询',
      progressLead: '凭受理编号和查询码查询办理进度',
    },
  },
  en: {
    home: {
      lists: 'Public lists',
      count: '{n}',
      latest: 'Latest publications',
      latestLead: 'Credit records published recently and still inside their public window (natural persons excluded).',
      noLatest: 'Nothing published yet',
      decision: 'Decision {no}',
      publishedOn: 'Published on {date}',
      services: 'Services',
      verify: 'Verify a credit report',
      verifyLead: 'Check the verification code of a credit report',
      report: 'Report',
      reportLead: 'Report a violation or dishonest conduct; your identity stays confidential',
      progress: 'Follow a report',
      progressLead: 'With the acknowledgement number and the query code',
    },
  },
})
