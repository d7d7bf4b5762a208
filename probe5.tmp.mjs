import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto('http://127.0.0.1:8602/#depth=200&width=128&batch=128');
await p.waitForFunction(() => window.gradscope?.cells?.['stability-map']?.complete, null, { timeout: 90000 });
await p.evaluate(() => window.gradscope.settled());
await b.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await p.locator('#g-sigma-range').focus();
for (let i = 0; i < 12; i++) { await p.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight'); await p.waitForTimeout(40); }
await p.evaluate(() => window.gradscope.settled());
const buf = await b.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const on = (e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid;
const tasks = ev.filter((e) => on(e) && e.name === 'RunTask' && e.dur > 30000);
console.log('RunTasks > 30ms', tasks.map((t) => Math.round(t.dur / 1000)));
for (const t of tasks) {
  const kids = ev.filter((e) => on(e) && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.name !== 'RunTask' && e.dur > 3000);
  console.log(Math.round(t.dur/1000), kids.map((k) => `${k.name}:${Math.round(k.dur / 1000)}${k.args?.data?.url ? '(' + k.args.data.url.split('/').pop() + ':' + k.args.data.lineNumber + ')' : ''}${k.args?.data?.functionName ? '(' + k.args.data.functionName + ')' : ''}`).join(', '));
}
await b.close();
