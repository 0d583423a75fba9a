import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    audit: {
      title: '审计日志',
      lead: '每一次变更都记录在只增不改的审计日志中。',
      at: '时间',
      actor: '操作人',
      action: '操作',
      object: '对象',
      objectType: '对象类型',
      objectId: '对象编号',
      objectRef: '{type}（编号 {id}）',
      objects: {
        subject: '主体',
        credit_record: '信用信息',
        list_entry: '名单',
        objection: '异议',
        repair_application: '信用修复申请',
        public_report: '举报',
        user: '用户',
        unit: '单位',
        api_token: 'API 令牌',
        policy: '政策',
      },
      change: '变更',
      client: '来源地址',
      actions: {
        auth: {
          login: '登录',
          login_failed: '登录失败',
          logout: '退出登录',
        },
        credit_record: {
          create: '录入信用信息',
          submit: '提交审核',
          verify: '审核通过',
          reject: '退回',
          publish: '公布',
          revoke: '撤销',
          import: '导入信用信息',
        },
        list_entry: {
          remove: '解除名单',
        },
        records: {
          import: '批量导入',
        },
        subject: {
          import: '导入主体',
          import_update: '导入更新主体',
        },
        user: {
          create: '新建用户',
          set_active: '停用/启用用户',
        },
        api_token: {
          create: '签发 API 令牌',
          revoke: '吊销 API 令牌',
        },
      },
    },
  },
  en: {
    audit: {
      title: 'Audit log',
      lead: 'Every change is kept in an append-only audit trail.',
      at: 'Time',
      actor: 'By',
      action: 'Action',
      object: 'Object',
      objectType: 'Object type',
      objectId: 'Object id',
      objectRef: '{type} (id {id})',
      objects: {
        subject: 'Subject',
        credit_record: 'Credit record',
        list_entry: 'List entry',
        objection: 'Objection',
        repair_application: 'Repair application',
        public_report: 'Public report',
        user: 'User',
        unit: 'Unit',
        api_token: 'API token',
        policy: 'Policy',
      },
      change: 'Change',
      client: 'Client address',
      actions: {
        auth: {
          login: 'Sign-in',
          login_failed: 'Failed sign-in',
          logout: 'Sign-out',
        },
        credit_record: {
          create: 'Record entered',
          submit: 'Submitted for review',
          verify: 'Verified',
          reject: 'Rejected',
          publish: 'Published',
          revoke: 'Revoked',
          import: 'Record imported',
        },
        list_entry: {
          remove: 'Removed from a list',
        },
        records: {
          import: 'Bulk import',
        },
        subject: {
          import: 'Subject imported',
          import_update: 'Subject updated by import',
        },
        user: {
          create: 'User created',
          set_active: 'User (de)activated',
        },
        api_token: {
          create: 'API token issued',
          revoke: 'API token revoked',
        },
      },
    },
  },
})
