import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['test/fast-check-setup.ts', 'test/contract-setup.ts'],
    globalSetup: ['test/contract-global.ts'],
  },
});
