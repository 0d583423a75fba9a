import { OfficeBuilding, User } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'users',
      name: 'console-users',
      meta: { permission: 'MANAGE_USERS', title: 'users.title' },
      component: () => import('./views/UsersView.vue'),
    },
    {
      path: 'units',
      name: 'console-units',
      meta: { permission: 'MANAGE_USERS', title: 'units.title' },
      component: () => import('./views/UnitsView.vue'),
    },
  ],
  menu: [
    { label: 'users.title', icon: User, route: 'console-users', permission: 'MANAGE_USERS', group: 'admin', order: 900 },
    { label: 'units.title', icon: OfficeBuilding, route: 'console-units', permission: 'MANAGE_USERS', group: 'admin', order: 910 },
  ],
})
