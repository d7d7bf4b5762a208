// Downloads of what a cell shows: each chart as a PNG at twice its screen size or as SVG (both
// drawn again by the same Rust chart function, through the engine's named charts), and each table
// of numbers as CSV. File names carry the cell and its settings. The buttons are the shell's
// (shell.js `addExports`); this module loads at the first press of one.

import { encode } from '../state.js';
import { drawnChart } from './common.js';

/** `gradscope-<cell>-<key><value>-…` from the cell's settings (not its view fields), safe as a file name. */
export function fileStem(cell, fields, state) {
  const parts = Object.entries(fields)
    .filter(([, f]) => f.role === 'setting')
    .map(([name, f]) => `${f.key}${encode(f, state[name])}`);
  const stem = ['gradscope', cell, ...parts].join('-').replace(/[^A-Za-z0-9._-]+/g, '_');
  return stem.slice(0, 150);
}

/** Saves `blob` as `name` through a temporary link (no navigation, no new window). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A promise of the SVG of what `canvas` shows, at its CSS size, or of null if it shows no named
 * chart. The main widget's own build has no SVG writer (crates/web's feature `svg-export`): the
 * embed's `ctx.fullEngine()` then loads the full build, once, when an SVG is first asked for.
 */
export async function chartSvg(wasm, ctx, canvas) {
  const drawn = drawnChart(canvas);
  if (!drawn) return null;
  const engine = wasm.chartSvg ? wasm : await ctx.fullEngine();
  const w = Math.max(1, Math.round(canvas.clientWidth || canvas.width));
  const h = Math.max(1, Math.round(canvas.clientHeight || canvas.height));
  return engine.chartSvg(drawn.name, drawn.data, drawn.labels, { font_family: ctx.fontFamily, scale: 1 }, w, h);
}

/** A PNG (a Blob) of what `canvas` shows, drawn at `factor` × its CSS size, or null. */
export function chartPng(wasm, ctx, canvas, factor = 2) {
  const drawn = drawnChart(canvas);
  if (!drawn) return Promise.resolve(null);
  const big = document.createElement('canvas');
  big.width = Math.max(1, Math.round((canvas.clientWidth || canvas.width) * factor));
  big.height = Math.max(1, Math.round((canvas.clientHeight || canvas.height) * factor));
  wasm.drawChart(drawn.name, big, drawn.data, drawn.labels, { font_family: ctx.fontFamily, scale: factor });
  return new Promise((resolve) => big.toBlob(resolve, 'image/png'));
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
const csvField = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The CSV of a table of numbers: its header row, then one row per body row. A cell's exact number
 * (`data-value`, as the engine gave it) is written rather than its rounded display.
 */
export function tableCsv(table) {
  const rows = [];
  const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  if (head.length) rows.push(head);
  for (const tr of table.querySelectorAll('tbody tr')) {
    rows.push([...tr.cells].map((td) => td.dataset.value ?? td.textContent.trim()));
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Makes and saves one file of a mounted cell, for a press of one of its download buttons (shell.js
 * `addExports`): `kind` 'png' or 'svg' of `target`, a canvas, or 'csv' of `target`, a table of
 * numbers. `info` = {name, fields, state} names the file; `suffix` tells a cell's charts or
 * tables apart.
 */
export async function exportFile(kind, target, { wasm, ctx, info, suffix }) {
  const name = `${fileStem(info.name, info.fields, info.state)}${suffix}.${kind}`;
  if (kind === 'csv') {
    download(new Blob([tableCsv(target)], { type: 'text/csv' }), name);
  } else if (kind === 'png') {
    const blob = await chartPng(wasm, ctx, target);
    if (blob) download(blob, name);
  } else {
    const svg = await chartSvg(wasm, ctx, target);
    if (svg) download(new Blob([svg], { type: 'image/svg+xml' }), name);
  }
}
