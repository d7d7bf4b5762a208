// The notebook's first script (index.html names it before www/main.js): it starts the engine
// before anything else loads. The wasm's download and compilation begin here, and so does the
// main widget's Worker. A Worker takes a while to start, and messages posted to it before its
// script has run are handed over by this page's thread. Started now, the Worker is running before
// the text's typesetting and layout keep this thread busy.
import { compileWasm, EngineHost } from './engine/host.js';

/** The page's compiled wasm (a promise: one download and one compilation, shared by the page
 * and its Workers). */
export const compiled = compileWasm(new URL('./pkg/gradscope_web_bg.wasm', import.meta.url));
compiled.catch(() => {}); // reported by www/main.js, where it is awaited

/** The main widget's engine: a Worker that gets the compiled module once it is ready. */
export const engineHost = new EngineHost(undefined, { wasmModule: compiled });
