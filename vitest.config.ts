import { defineConfig } from 'vitest/config';

// Two named tiers (STYLE.md §14): unit tests of pure logic and end-to-end suites
// that start real servers and drive real clients. `vitest run` runs both.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], testTimeout: 20_000, sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each e2e file starts its own server; two at a time fit a 2-core machine.
          maxWorkers: 2,
          // Unit tests first (fast feedback), then the end-to-end suites.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
