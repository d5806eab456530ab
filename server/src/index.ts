export { type AppOptions, buildApp, DEFAULTS } from './app.ts';
export { configFromEnv, loadOrCreateSecret } from './config.ts';
export { RedisRelay } from './relay/RedisRelay.ts';
export { PgStore } from './store/PgStore.ts';
export { SqliteStore } from './store/SqliteStore.ts';
export type { Store } from './store/Store.ts';
