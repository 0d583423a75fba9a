import { Finished, HomeFilled, List, UserFilled } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

// The industry association's console (沈 第六条（二）2): its members, their ratings and
// the review status of what it submitted. Only an association account holds
// SUBMIT_ASSOCIATION_RATINGS, so these pages are its own.
const P = 'SUBMIT_ASSOCIATION_RATINGS'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'association',
      name: 'console-association',
      meta: { permission: P, title: 'association.home' },
      component: () => import('./views/AssociationHomeView.vue'),
    },
    {
      path: 'association/members',
      name: 'console-association-members',
      meta: { permission: P, title: 'association.members' },
      component: () => import('./views/AssociationMembersView.vue'),
    },
    {
      path: 'association/rate',
      name: 'console-association-rate',
      meta: { permission: P, title: 'association.rate' },
      component: () => import('./views/AssociationRateView.vue'),
    },
    {
      path: 'association/submissions',
      name: 'console-association-submissions',
      meta: { permission: P, title: 'association.submissions' },
      component: () => import('./views/AssociationSubmissionsView.vue'),
    },
  ],
  menu: [
    { label: 'association.home', icon: HomeFilled, route: 'console-association', permission: P, group: 'work', order: 40 },
    { label: 'association.members', icon: UserFilled, route: 'console-association-members', permission: P, group: 'work', order: 41 },
    { label: 'association.rate', icon: Finished, route: 'console-association-rate', permission: P, group: 'work', order: 42 },
    { label: 'association.submissions', icon: List, route: 'console-association-submissions', permission: P, group: 'work', order: 43 },
  ],
})
