// Screenshots of the real page for the README (after `npm run build:wasm` and
// `node scripts/vendor.mjs`, or any `npm test`): `npm run screenshots` writes
//   docs/widget-en.png, docs/widget-vi.png      the main widget (PNG, sharp text)
//   docs/notebook-en.jpg, docs/notebook-vi.jpg  the whole notebook at 1280 px (JPEG: it is long)
//   docs/notebook-phone-vi.jpg                  the whole notebook on a 375 px phone
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
    { lang: 'en', width: 1280, widget: 'docs/widget-en.png', page: 'docs/notebook-en.jpg' },
    { lang: 'vi', width: 1280, widget: 'docs/widget-vi.png', page: 'docs/notebook-vi.jpg' },
    { lang: 'vi', width: 375, page: 'docs/notebook-phone-vi.jpg' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?lang=${shot.lang}`);
    await page.evaluate(() => window.gradscope.mountAll());
    await page.waitForFunction(() => Object.values(window.gradscope.cells).every((c) => c.frames > 0));
    await page.evaluate(() => document.fonts.ready);
    // A full-page capture shows the sections far from the viewport too: the page skips their
    // rendering (content-visibility: auto in www/notebook.css) until one nears the viewport.
    await page.addStyleTag({ content: '.nb-section { content-visibility: visible !important; }' });
    if (shot.widget) {
      await page.locator('#cell-gradients').screenshot({ path: `${root}/${shot.widget}` });
      console.log(`screenshots: ${shot.widget}`);
    }
    await page.screenshot({ path: `${root}/${shot.page}`, fullPage: true, type: 'jpeg', quality: 70 });
    console.log(`screenshots: ${shot.page}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
