import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    dashboard: {
      title: '驾驶舱',
      lead: '数据范围内的主体、等级、名单与信用信息统计。',
      subjects: '主体',
      grades: '信用等级分布',
      lists: '名单条目（按名单）',
      listingsByMonth: '近12个月公布的名单类信息（按月）',
      recordsByDistrict: '信用信息（按辖区）',
      objectionsByDeadline: '未办结异议（按办理期限）',
      listingType: {
        watch_list_case: '列入警示目录',
        inspection: '检查结果',
        blacklist: '列入黑名单',
        red_list: '列入红名单',
      },
      deadline: {
        overdue: '已逾期',
        due_soon: '3个工作日内到期',
        on_time: '期限内',
        not_accepted: '待受理',
      },
    },
  },
  en: {
    dashboard: {
      title: 'Dashboard',
      lead: 'Subjects, grades, lists and credit records in your scope.',
      subjects: 'Subjects',
      grades: 'Grades',
      lists: 'List entries by list',
      listingsByMonth: 'List-related records published in the last 12 months',
      recordsByDistrict: 'Credit records by district',
      objectionsByDeadline: 'Open objections by deadline',
      listingType: {
        watch_list_case: 'Watch-list case',
        inspection: 'Inspection result',
        blacklist: 'Blacklist designation',
        red_list: 'Red-list designation',
      },
      deadline: {
        overdue: 'Overdue',
        due_soon: 'Due within 3 working days',
        on_time: 'On time',
        not_accepted: 'Not yet accepted',
      },
    },
  },
})
