import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{protocol,agent,sim,vibe,models}/{src,test}/**/*.test.ts',
      'scripts/**/*.test.ts',
      // web unit and component tests; each DOM test names its environment (`@vitest-environment jsdom`).
      'web/src/**/*.test.{ts,tsx}',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Process-level tests spawn real agents and simulators; forks keep native modules isolated.
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
