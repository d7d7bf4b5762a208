// Issue 10 §1, "no main-thread task exceeds 50 ms at any setting of any cell", for
// scripts/bench-browser.mjs: the notebook opened with every cell at its heaviest declared
// setting, then, cell by cell, long tasks (PerformanceObserver `longtask`) while the cell
// mounts, while each of its controls moves, and while it plays (a cell with a play button).
//
// The heaviest setting is derived from the engine's schema (`window.gradscope.wasm.schema()`),
// not written here: every whole-number field at its declared maximum (depth, width, batch,
// steps, size, columns, a playback's steps per frame, …), seeds excepted.

const SETTLE_MS = 1500; // after a mount or the last key press: late answers still count
const PRESS_GAP_MS = 150; // between arrow keys (as a student taps them)
const PLAY_MS = 3000; // how long a playback runs

/** The URL hash that puts every whole-number field of every cell at its declared maximum, seeds
 * excepted, from the schema `{cells: {name: {prefix, fields: {f: {key, type, max}}}}}`. */
export function heaviestHash(schema) {
  const out = [];
  for (const cell of Object.values(schema.cells)) {
    for (const [name, f] of Object.entries(cell.fields)) {
      if (f.type !== 'int' || name === 'seed') continue;
      out.push(`${cell.prefix ? `${cell.prefix}.` : ''}${f.key}=${f.max}`);
    }
  }
  return out.join('&');
}

/** Long tasks by cell and phase, every cell at its heaviest setting (see the file's comment). */
export async function extremes(browser, base, { quick = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => window.__longtasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e).split('\n')[0]));
  await page.goto(`${base}/`);
  await page.evaluate(() => window.gradscope.ready.then(() => true));
  const schema = await page.evaluate(() => window.gradscope.wasm.schema());
  const hash = heaviestHash(schema);
  await page.goto(`${base}/#${hash}`);
  await page.reload();
  await page.evaluate(() => window.gradscope.ready.then(() => true));
  await page.waitForTimeout(SETTLE_MS);
  const now = () => page.evaluate(() => performance.now());
  const longest = async (since) => page.evaluate((t) => {
    const here = window.__longtasks.filter((e) => e.start >= t).map((e) => e.duration);
    return { count: here.length, max_ms: here.length ? Math.round(Math.max(...here) * 10) / 10 : 0 };
  }, since);
  const cells = [];
  for (const name of Object.keys(schema.cells)) {
    const section = page.locator(`#cell-${name}`);
    const row = { cell: name };
    let t = await now();
    // Scroll down as a reader does until the cell's section is there (cells mount near the viewport).
    for (let i = 0; i < 120 && !(await section.count()); i += 1) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(200);
    }
    if (!(await section.count())) {
      cells.push({ ...row, error: 'the section never mounted' });
      continue;
    }
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(SETTLE_MS);
    row.mount = await longest(t);
    t = await now();
    // Every control a reader moves by keyboard: the sliders, the number boxes without one, the
    // menus. Each is stepped down twice and back up (a value at its maximum first goes down).
    const controls = section.locator('input[type=range], input[type=number], select');
    let moved = 0;
    for (let i = 0; i < (await controls.count()); i += 1) {
      const control = controls.nth(i);
      if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
      const kind = await control.evaluate((el) => (el.type === 'number' && document.getElementById(`${el.id}-range`) ? 'paired' : el.type));
      if (kind === 'paired') continue; // its slider moves it
      const [down, up] = kind === 'range' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowDown', 'ArrowUp'];
      await control.focus();
      for (const key of quick ? [down, up] : [down, down, up, up]) {
        await page.keyboard.press(key);
        await page.waitForTimeout(PRESS_GAP_MS);
      }
      if (kind !== 'range') await control.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
      moved += 1;
    }
    await page.waitForTimeout(SETTLE_MS);
    row.controls = moved;
    row.move = await longest(t);
    const play = section.locator('[data-action="play"]');
    if (await play.count()) {
      t = await now();
      await play.click();
      await page.waitForTimeout(quick ? 1000 : PLAY_MS);
      await play.click();
      await page.waitForTimeout(300);
      row.play = await longest(t);
    }
    cells.push(row);
  }
  await context.close();
  const all = cells.flatMap((c) => [c.mount, c.move, c.play].filter(Boolean));
  return {
    note: 'every whole-number field of every cell at its declared maximum (seeds excepted), from the schema; long tasks while each cell mounts, while each of its controls moves (arrow keys on its sliders, number boxes and menus) and while it plays',
    hash,
    cells,
    max_ms: all.length ? Math.max(...all.map((x) => x.max_ms)) : null,
    over_50ms: all.reduce((n, x) => n + (x.count && x.max_ms > 50 ? 1 : 0), 0),
    errors,
  };
}

/** The target row for bench-browser.mjs's list. */
export function extremesTargets(e) {
  if (!e || e.error) return [{ target: 'every cell at its heaviest setting: longest main-thread task', limit: 50, value: null, unit: 'ms', met: null, how: e?.error ?? 'not measured' }];
  const worst = e.cells.filter((c) => !c.error).map((c) => [c.cell, Math.max(c.mount.max_ms, c.move.max_ms, c.play?.max_ms ?? 0)]).sort((a, b) => b[1] - a[1])[0];
  const failed = e.cells.filter((c) => c.error).map((c) => `${c.cell}: ${c.error}`);
  return [{
    target: 'every cell at its heaviest setting: longest main-thread task (mount, controls, playback)',
    limit: 50,
    value: e.max_ms,
    unit: 'ms',
    met: failed.length || e.errors.length ? false : e.max_ms <= 50,
    how: `PerformanceObserver longtask (0 = none), ${e.cells.length} cells${worst?.[1] > 0 ? `; longest in ${worst[0]}` : ''}${failed.length ? `; ${failed.join('; ')}` : ''}${e.errors.length ? `; page errors: ${e.errors.join('; ')}` : ''}`,
  }];
}

/** The lines bench-browser.mjs prints. */
export function printExtremes(e) {
  if (!e) return;
  console.log('\n== every cell at its heaviest setting: long tasks (count, longest ms)');
  if (e.error) {
    console.log(e.error);
    return;
  }
  const f = (x) => (x ? `${x.count} (${x.max_ms})` : '–');
  for (const c of e.cells) console.log(c.error ? `${c.cell}: ${c.error}` : `${c.cell.padEnd(18)} mount ${f(c.mount).padEnd(10)} controls ×${c.controls} ${f(c.move).padEnd(10)} play ${f(c.play)}`);
}
