// Instructors hand out paper: printing the notebook (or saving it as PDF) shows every chart as it
// is now, each with its table of numbers in the current state, and none of the screen-only parts.
import { test } from '@playwright/test';
import { expect, openPage, readTable } from './helpers.js';

test('printing shows each chart with its table of the current state, and no buttons', async ({ page }) => {
  const problems = await openPage(page, { hash: 'act=relu&depth=7' });
  const rows = await readTable(page);
  expect(rows.length).toBe(7);
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => ({
    tables: [...document.querySelectorAll('.cell.live .table-wrap')].map((w) => ({
      cell: w.closest('.cell').id,
      height: w.getBoundingClientRect().height,
      rows: w.querySelectorAll('tbody tr').length,
    })),
    charts: [...document.querySelectorAll('.cell.live canvas')].map((c) => c.getBoundingClientRect().height),
    buttons: [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().height > 0).length,
  }));
  expect(layout.tables.length).toBeGreaterThan(5);
  for (const t of layout.tables) {
    expect(t.height, t.cell).toBeGreaterThan(20);
  }
  expect(layout.tables.find((t) => t.cell === 'cell-gradients').rows).toBe(7);
  expect(layout.charts.every((h) => h > 100)).toBe(true);
  expect(layout.buttons).toBe(0);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(problems).toEqual([]);
});
