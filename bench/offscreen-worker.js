// The benchmark's Worker for the OffscreenCanvas comparison (bench/offscreen.js): the notebook's
// wasm, one Engine, and optionally the canvas the page transferred to it.
//   {fonts: [{family, src, descriptors}]}      loads the page's font here (a Worker has its own)
//   {canvas}                                   keeps the transferred OffscreenCanvas
//   {settings, draw: false}                    computes; answers {result, compute_ms}
//   {settings, draw: true, data, labels, style} computes and draws the gradient chart on the
//                                              OffscreenCanvas; answers {compute_ms, draw_ms,
//                                              drawn_at}
// Times: performance.now() here; `drawn_at` is performance.timeOrigin + now, comparable with the
// page's clock.
import init, * as wasm from '../www/pkg/gradscope_web.js';

const ready = init();
let engine = null;
let canvas = null;

self.onmessage = async ({ data: msg }) => {
  await ready;
  if (msg.fonts) {
    await Promise.all(msg.fonts.map(async (f) => self.fonts.add(await new FontFace(f.family, f.src, f.descriptors).load())));
    self.postMessage({ fonts: self.fonts.size });
    return;
  }
  if (msg.canvas) {
    canvas = msg.canvas;
    self.postMessage({ canvas: true });
    return;
  }
  engine ??= new wasm.Engine();
  const t0 = performance.now();
  const result = engine.gradients(msg.settings);
  const t1 = performance.now();
  if (!msg.draw) {
    self.postMessage({ result, compute_ms: t1 - t0 });
    return;
  }
  wasm.drawChart('gradients', canvas, { ...msg.data, layers: result.layers }, msg.labels, msg.style);
  const t2 = performance.now();
  self.postMessage({ compute_ms: t1 - t0, draw_ms: t2 - t1, drawn_at: performance.timeOrigin + t2 });
};
