import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  test: {
    projects: [
      {
        // WXT's plugin gives Node an in-memory fake of the extension APIs (storage for the settings module).
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/unit/compile-glossary.setup.ts'],
          // Several tests compile a copy of the glossary (about a second each, far more on a loaded machine):
          // a guard against a hang, not a speed check.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Browsers are heavy on these 2-core machines: one test file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'robustness',
          // Real pages of another project, read in place (scripts/real-pages.mjs says so where they are absent).
          include: ['tests/robustness/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30 * 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
