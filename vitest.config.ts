import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60000,
    hookTimeout: 60000,
    // A test that leaves an unhandled rejection behind fails the run.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
