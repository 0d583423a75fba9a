import { ChatDotRound } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'reminders',
      name: 'console-reminders',
      meta: { permission: 'MANAGE_REMINDERS', title: 'reminders.title' },
      component: () => import('./views/RemindersView.vue'),
    },
    {
      path: 'reminders/new',
      name: 'console-reminder-new',
      meta: { permission: 'MANAGE_REMINDERS', title: 'reminders.registerTitle' },
      component: () => import('./views/ReminderRegisterView.vue'),
    },
  ],
  menu: [
    { label: 'reminders.title', icon: ChatDotRound, route: 'console-reminders', permission: 'MANAGE_REMINDERS', policy: 'reminders', group: 'work', order: 630 },
  ],
})
