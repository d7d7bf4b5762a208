// Browser tests: real Chromium (Debian's), the real wasm, the real page served by scripts/serve.mjs.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.GRADSCOPE_TEST_PORT || 4317);

export default defineConfig({
  testDir: 'tests',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  // The timing checks run after everything else, alone (see tests/timing.spec.js).
  projects: [
    { name: 'parallel', testIgnore: /timing\.spec\.js/ },
    { name: 'alone', testMatch: /timing\.spec\.js/, dependencies: ['parallel'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
