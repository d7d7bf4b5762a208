// Issue 10 §1: "Charts may be drawn in the Worker on an OffscreenCanvas if that is faster.
// Measure it." Two ways to get the main widget's picture from a σ change, measured in turns in
// this page, on two visible canvases of the widget's size:
//   page: a Worker computes and posts the result; the page draws it (wasm.drawChart on the main
//         thread, as the notebook does) and the picture shows at the page's next frame;
//   offscreen: the Worker computes and draws on the canvas the page transferred to it
//         (transferControlToOffscreen); the picture shows at the Worker's next frame.
// Each trial sends a new σ (the network rescaled, not redrawn) at the start of a page frame and
// ends when the picture is drawn (`drawn`, in the page's clock); `frame` is the start of the first
// page frame after that, when the compositor takes the picture in either way. Both ways run the
// same wasm, the same chart function and the same font (loaded into the Worker too).
import * as wasm from '../www/pkg/gradscope_web.js';

const FAMILY = 'Be Vietnam Pro';
const FONT_FILES = ['latin-400', 'latin-600', 'vietnamese-400', 'latin-ext-400'];
const STYLE = { font_family: `'${FAMILY}', 'DejaVu Sans', sans-serif`, scale: 1 };
const OPTIONS = { show_backward: true, show_forward: true };

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok()));

function worker() {
  const w = new Worker(new URL('./offscreen-worker.js', import.meta.url), { type: 'module' });
  const ask = (msg, transfer = []) => new Promise((ok) => {
    w.onmessage = ({ data }) => ok(data);
    w.postMessage(msg, transfer);
  });
  return { w, ask };
}

function canvasOfWidgetSize(width, height) {
  const c = document.createElement('canvas');
  c.style.cssText = `width:${width}px;height:${height}px;display:block`;
  const dpr = window.devicePixelRatio || 1;
  c.width = Math.round(width * dpr);
  c.height = Math.round(height * dpr);
  document.body.appendChild(c);
  return c;
}

/**
 * `settings`: the gradient experiment's settings; `trials` σ changes per way, in turns.
 * Returns per way the medians and p95 (ms) of: input → picture drawn (`drawn`), input → the first
 * page frame after it (`frame`), the compute, the draw, and the page's main-thread time per update
 * (the draw, for `page`; nothing, for `offscreen`).
 */
export async function offscreen(settings, { trials = 40, width = 720, height = 420 } = {}) {
  const fonts = FONT_FILES.map((f) => ({
    family: FAMILY,
    src: `url(${new URL(`../www/vendor/be-vietnam-pro/files/be-vietnam-pro-${f}-normal.woff2`, import.meta.url).href})`,
    descriptors: { weight: f.split('-').pop() },
  }));
  await Promise.all(fonts.map(async (f) => document.fonts.add(await new FontFace(f.family, f.src, f.descriptors).load())));
  const a = worker();
  const b = worker();
  await a.ask({ fonts });
  await b.ask({ fonts });
  const onPage = canvasOfWidgetSize(width, height);
  const off = canvasOfWidgetSize(width, height).transferControlToOffscreen();
  await b.ask({ canvas: off }, [off]);
  // The page's frames, as they start (the compositor's frames follow the same vsync).
  const frames = [];
  let logging = true;
  const logFrames = (t) => {
    frames.push(t);
    if (logging) requestAnimationFrame(logFrames);
  };
  requestAnimationFrame(logFrames);
  const frameAfter = async (t) => {
    while (!(frames.at(-1) > t)) await nextFrame();
    return frames.find((f) => f > t);
  };
  const sigmas = Array.from({ length: trials + 2 }, (_, i) => 0.5 + (i % 7) * 0.15);
  const rows = { page: [], offscreen: [] };
  for (let i = 0; i < sigmas.length; i += 1) {
    const s = { ...settings, sigma: sigmas[i] };
    for (const way of i % 2 ? ['page', 'offscreen'] : ['offscreen', 'page']) {
      await nextFrame();
      const t0 = performance.now();
      let row;
      if (way === 'page') {
        const answer = await a.ask({ settings: s, draw: false });
        const d0 = performance.now();
        wasm.drawChart('gradients', onPage, { layers: answer.result.layers, options: OPTIONS }, null, STYLE);
        const drawn = performance.now();
        row = { drawn: drawn - t0, compute: answer.compute_ms, draw: drawn - d0, main: drawn - d0, at: drawn };
      } else {
        const answer = await b.ask({ settings: s, draw: true, data: { options: OPTIONS }, labels: null, style: STYLE });
        const drawn = answer.drawn_at - performance.timeOrigin;
        row = { drawn: drawn - t0, compute: answer.compute_ms, draw: answer.draw_ms, main: 0, at: drawn };
      }
      row.frame = (await frameAfter(row.at)) - t0;
      if (i >= 2) rows[way].push(row); // the first two trials of each way warm the code up
    }
  }
  logging = false;
  a.w.terminate();
  b.w.terminate();
  onPage.remove();
  const sum = (list) => Object.fromEntries(['drawn', 'frame', 'compute', 'draw', 'main'].map((k) => [k, { median: quantile(list.map((r) => r[k]), 0.5), p95: quantile(list.map((r) => r[k]), 0.95) }]));
  return { trials, canvas: { width, height, dpr: window.devicePixelRatio || 1 }, page: sum(rows.page), offscreen: sum(rows.offscreen) };
}
