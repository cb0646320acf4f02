import { defineConfig } from 'vitest/config'

// Four projects: fast core tests, the renderer's state and hooks (jsdom), the contract suite (through dispatch and through HTTP),
// and the end-to-end tests that drive the built app in Chromium (and Electron where it exists).
export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        // The renderer's state and hooks in jsdom, over a stand-in for the desktop preload.
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['tests/renderer/setup.ts'], testTimeout: 30_000 }
      },
      { test: { name: 'contract', include: ['tests/contract/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e-browser/**/*.test.ts', 'tests/e2e-electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One browser at a time: CI machines have two cores.
          fileParallelism: false
        }
      }
    ]
  }
})
