export { type AppOptions, buildApp, DEFAULTS } from './app.ts';
export { configFromEnv, loadOrCreateSecret } from './config.ts';
export { SqliteStore } from './store/SqliteStore.ts';
export type { Store } from './store/Store.ts';
