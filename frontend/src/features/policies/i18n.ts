import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    policies: {
      title: '政策参数',
      lead: '每项政策是带生效日期的版本化规则集。发布新版本只影响生效日之后的评价，此前的评价不变。',
      version: '版本',
      effectiveFrom: '生效日期',
      document: '文件',
      params: '参数',
      newVersion: '发布新版本',
      paramsJson: '参数（JSON 格式，键为参数代码；未列出的取默认值）',
      invalidJson: 'JSON 格式错误',
      done: '已发布《{name}》第 {version} 版',
    },
  },
  en: {
    policies: {
      title: 'Policy parameters',
      lead: 'Each policy is a versioned rule set with an effective date. A new version applies to evaluations from its effective date on; earlier ones do not change.',
      version: 'Version',
      effectiveFrom: 'Effective from',
      document: 'Document',
      params: 'Parameters',
      newVersion: 'Publish a new version',
      paramsJson: 'Parameters (JSON; omitted keys take their defaults)',
      invalidJson: 'Invalid JSON',
      done: 'Published “{name}” version {version}',
    },
  },
})
