import type { Feature, MenuItem } from './registry'

// Every src/features/<feature>/routes.ts, in path order (stable).
const modules = import.meta.glob<{ default: Feature }>('../features/*/routes.ts', { eager: true })

export const features: Feature[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path]!.default)

export const menuItems: MenuItem[] = features
  .flatMap((f) => f.menu ?? [])
  .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
