import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

// Writes foo.js.br and foo.js.gz beside every text file of the build (the app and nginx
// serve them with Content-Encoding when the client accepts it): compressed once, at the
// highest level, instead of on every response.
function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'credit-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(fileName)) continue
        const path = join(outDir, fileName)
        const raw = readFileSync(path)
        if (raw.length < 1024) continue
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }))
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
      }
    },
  }
}

const backend = { target: 'http://127.0.0.1:8000', changeOrigin: false }
const api = { '/graphql': backend, '/reports': backend, '/export': backend }

export default defineConfig({
  plugins: [vue(), precompress()],
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
