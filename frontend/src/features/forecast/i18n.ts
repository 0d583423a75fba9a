import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    forecast: {
      title: '信用状况预测',
      lead: '按现有信息和规则推算今后某日的状况（不含今后新增的信息）',
      pick: '预测日期',
      placeholder: '选择今后的日期',
      heading: '预测：若无新的信息，至 {date}',
      none: '不在任何名单中',
      listed: '仍在“{list}”中（至 {until} 移出）',
      listedLongTerm: '仍在“{list}”中',
      grade: '信用等级：{grade}',
      measures: '适用措施 {n} 项',
      noMeasures: '无适用措施',
      leaves: '若无新的信息，将于 {date} 移出“{list}”',
      leavesTitle: '预计移出名单',
    },
  },
  en: {
    forecast: {
      title: 'Credit forecast',
      lead: 'What the rules give on a later date from the information known today (nothing new counted)',
      pick: 'Forecast date',
      placeholder: 'Pick a later date',
      heading: 'Forecast: if nothing new happens, on {date}',
      none: 'On no list',
      listed: 'Still on the {list} (leaves on {until})',
      listedLongTerm: 'Still on the {list}',
      grade: 'Grade: {grade}',
      measures: '{n} measures apply',
      noMeasures: 'No measures apply',
      leaves: 'If nothing new happens, leaves the {list} on {date}',
      leavesTitle: 'Expected to leave a list',
    },
  },
})
