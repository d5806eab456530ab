import { defineProject } from 'vitest/config';
// Cross-package tests start real servers and browsers: run files one at a time.
export default defineProject({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['./helpers/buildServer.ts'],
  },
});
