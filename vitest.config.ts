import { defineConfig } from 'vitest/config';

// One run covers every package; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'client', 'test'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
