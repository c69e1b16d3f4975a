import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React Server Component bundle; tests run server modules directly.
      { find: /^server-only$/, replacement: `${root}/test/support/server-only-noop.ts` },
    ],
  },
  test: {
    // Vitest's report, then a digest of each failure, so a log read from its end says what failed and why.
    reporters: ['default', './test/support/vitest-failure-digest.ts'],
    // Digests name the line of each failed test.
    includeTaskLocation: true,
    // The server logs a line for every API request it serves; in a test run thousands of them would bury the
    // failures. Tests that check log lines read them through spies, which still see every line.
    onConsoleLog: (line) =>
      line.startsWith('{"level":"info"') && line.includes('"msg":"request"') ? false : undefined,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure modules beside the components that use them (formatting, chart rows) are unit-tested too.
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'scripts/**/*.test.ts',
            'simulator/**/*.test.ts',
            'eslint/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/control-plane-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One control plane serves every file; files use their own namespaces, so they may run in parallel.
          fileParallelism: true,
        },
      },
      {
        // Benchmarks that need the control plane; run by `npm run bench`, never by `npm test`.
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/control-plane-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
