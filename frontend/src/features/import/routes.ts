import { Upload } from '@element-plus/icons-vue'
import { defineFeature } from '@/router/registry'

export default defineFeature({
  consoleRoutes: [
    {
      path: 'import',
      name: 'console-import',
      meta: { permission: 'IMPORT_DECISIONS', title: 'importer.title' },
      component: () => import('./views/ImportView.vue'),
    },
  ],
  menu: [{ label: 'importer.title', icon: Upload, route: 'console-import', permission: 'IMPORT_DECISIONS', group: 'work', order: 500 }],
})
