import { Calendar } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'calendar',
      name: 'console-calendar',
      meta: { permission: 'MANAGE_POLICIES', title: 'calendar.title' },
      component: () => import('./views/CalendarView.vue'),
    },
  ],
  menu: [{ label: 'calendar.title', icon: Calendar, route: 'console-calendar', permission: 'MANAGE_POLICIES', group: 'admin', order: 950 }],
})
