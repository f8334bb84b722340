import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Renderer unit tests opt into a DOM with `// @vitest-environment jsdom`.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
