import { defineMessages } from '@/i18n/features'

export default defineMessages({
  'zh-CN': {
    password: {
      title: '修改密码',
      lead: '修改后，您在其他设备或浏览器上的登录将立即结束。',
      forced: '管理员已重置您的密码。请先设置新密码，然后才能继续使用。',
      current: '当前密码',
      new: '新密码',
      confirm: '再次输入新密码',
      save: '修改密码',
      changed: '密码已修改，其他会话已结束',
      check: {
        required: '必填',
        length: '密码至少10位',
        same: '新密码不能与当前密码相同',
        mismatch: '两次输入的新密码不一致',
      },
    },
  },
  en: {
    password: {
      title: 'Change password',
      lead: 'Once changed, your sessions on other devices or browsers end at once.',
      forced: 'An administrator reset your password. Choose a new one before you continue.',
      current: 'Current password',
      new: 'New password',
      confirm: 'New password again',
      save: 'Change password',
      changed: 'Password changed; your other sessions have ended',
      check: {
        required: 'Required',
        length: 'At least 10 characters',
        same: 'The new password must differ from the current one',
        mismatch: 'The two new passwords differ',
      },
    },
  },
})
