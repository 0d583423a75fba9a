import { OfficeBuilding } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'subjects',
      name: 'console-subjects',
      meta: { permission: 'VIEW_INTERNAL', title: 'consoleSubjects.title' },
      component: () => import('./views/SubjectSearchView.vue'),
    },
    {
      path: 'subjects/new',
      name: 'console-subject-new',
      meta: { permission: 'MANAGE_SUBJECTS', title: 'subjectForm.createTitle' },
      component: () => import('./views/SubjectFormView.vue'),
    },
    {
      path: 'subjects/:id(\\d+)/edit',
      name: 'console-subject-edit',
      meta: { permission: 'MANAGE_SUBJECTS', title: 'subjectForm.editTitle' },
      component: () => import('./views/SubjectFormView.vue'),
    },
    {
      path: 'subjects/:id(\\d+)',
      name: 'console-subject',
      meta: { permission: 'VIEW_INTERNAL', title: 'consoleSubjects.title' },
      component: () => import('./views/SubjectDetailView.vue'),
    },
  ],
  menu: [
    {
      label: 'consoleSubjects.title',
      icon: OfficeBuilding,
      route: 'console-subjects',
      permission: 'VIEW_INTERNAL',
      group: 'work',
      order: 200,
    },
  ],
})
