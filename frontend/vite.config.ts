import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const backend = { target: 'http://127.0.0.1:8000', changeOrigin: false }
const api = { '/graphql': backend, '/reports': backend, '/export': backend }

export default defineConfig({
  plugins: [vue()],
  // vue-i18n feature flags: Composition API only, no devtools in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: api },
  preview: { proxy: api },
  // ECharts (~540 kB) is loaded with the dashboard only, in its own chunk.
  build: { outDir: 'dist', chunkSizeWarningLimit: 600 },
})
