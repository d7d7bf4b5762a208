// Full-page screenshots of the notebook in English and Vietnamese, for the README:
//   node scripts/screenshots.mjs        (after `npm run build:wasm` and `node scripts/vendor.mjs`)
// Writes docs/screenshot-en.png, docs/screenshot-vi.png and docs/screenshot-phone-vi.png.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 8700 + Math.floor(Math.random() * 200);
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => server.stdout.once('data', ok));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const shots = [
    { lang: 'en', width: 1280, file: 'docs/screenshot-en.png' },
    { lang: 'vi', width: 1280, file: 'docs/screenshot-vi.png' },
    { lang: 'vi', width: 375, file: 'docs/screenshot-phone-vi.png' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?lang=${shot.lang}`);
    await page.evaluate(() => window.gradscope.ready);
    await page.waitForFunction(() => Object.values(window.gradscope.cells).every((c) => c.frames > 0));
    await page.screenshot({ path: `${root}/${shot.file}`, fullPage: true });
    console.log(`screenshots: ${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
