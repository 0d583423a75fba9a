import 'element-plus/dist/index.css'
import './styles.css'
import { createApp } from 'vue'
import App from './App.vue'
import { vCan } from './auth/vCan'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'

const i18n = createAppI18n()
document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createAppRouter()).use(i18n).directive('can', vCan).mount('#app')
