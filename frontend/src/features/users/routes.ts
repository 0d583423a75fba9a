import { MapLocation, OfficeBuilding, User } from '@element-plus/icons-vue'
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
    {
      path: 'districts',
      name: 'console-districts',
      meta: { permission: 'MANAGE_USERS', title: 'districts.title' },
      component: () => import('./views/DistrictsView.vue'),
    },
  ],
  menu: [
    { label: 'users.title', icon: User, route: 'console-users', permission: 'MANAGE_USERS', group: 'admin', order: 900 },
    { label: 'units.title', icon: OfficeBuilding, route: 'console-units', permission: 'MANAGE_USERS', group: 'admin', order: 910 },
    { label: 'districts.title', icon: MapLocation, route: 'console-districts', permission: 'MANAGE_USERS', group: 'admin', order: 915 },
  ],
})
