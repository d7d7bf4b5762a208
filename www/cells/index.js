// The live cells the notebook can mount, by the name of their slot (`data-cell="…"`).
// The main widget's import is marked `/* first-plot */`: the built notebook preloads it (and what
// it imports) from the start (scripts/build-site.mjs).
// Each module exports `mount(slot, ctx)`, which builds the cell inside `slot` through the one
// cell shell (shell.js `mountCell`) and returns an object with at least {state, frames,
// computes, onLanguage()} (tests read `frames` and `state`).
// ctx = {wasm, store, t, lang(), fontFamily, pytorchFor(cellName, state) → a promise of the script}.
export const CELLS = {
  gradients: () => import(/* first-plot */ './gradients.js'),
  symmetry: () => import('./symmetry.js'),
  xavier: () => import('./xavier.js'),
  product: () => import('./product.js'),
  sigmoid: () => import('./sigmoid.js'),
  training: () => import('./training.js'),
  'vanishing-preset': () => import('./vanishing-preset.js'),
  lars: () => import('./lars.js'),
  'default-init': () => import('./default-init.js'),
  rescaling: () => import('./rescaling.js'),
  softmax: () => import('./softmax.js'),
  spectrum: () => import('./spectrum.js'),
  'stability-map': () => import('./stability-map.js'),
};

/**
 * The "reproduce in PyTorch" script for a cell (www/pytorch.js `pytorchFor`), as a promise: the
 * generator (8 kB gzipped) is loaded when a reader first opens a PyTorch panel, not with the page.
 */
export const pytorchFor = (cellName, state) => import('../pytorch.js').then((m) => m.pytorchFor(cellName, state));
