// The engine host: the page's side of the Worker (worker.js). Each cell talks to it through a
// channel that keeps at most one request in flight and at most one waiting: a newer request
// replaces the waiting one (which is dropped, never computed), so the latest state always wins
// and a fast slider never builds a queue. A trap in the Worker ends it; the host starts a new
// one and the channels report the trap, so each cell can offer to reload itself.

/**
 * Fetches and compiles the wasm at `url` once, so that the page's instance and its Workers'
 * share one download and one compilation (a compiled module is sent to a Worker as is).
 */
export async function compileWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${url}'`);
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The blob: modules that start a Worker from another origin, by the Worker script's URL. */
const starters = new Map();

/**
 * Where a Worker running the module at `url` can start: `url` itself on this page's origin.
 * A page on another origin (a course page with a <grad-scope> element) may not start a Worker
 * from gradscope's origin; it may start one from a blob: module of its own, which imports the
 * script from gradscope's origin (fetched with CORS, as embed.js is). A host page's
 * Content-Security-Policy must then allow `worker-src blob:`; without it `new Worker` throws.
 */
export function workerScript(url) {
  const script = new URL(url, globalThis.location.href);
  if (script.origin === globalThis.location.origin) return script;
  if (!starters.has(script.href)) {
    const source = `import ${JSON.stringify(script.href)};\n`;
    starters.set(script.href, URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  }
  return starters.get(script.href);
}

/** The answer to every call of a host whose Worker could not start. */
const NOT_STARTED = { error: 'engine: the Worker could not start' };

export class EngineHost {
  /**
   * `wasmModule`: the page's compiled wasm (or a promise of it: the Worker starts now and gets it
   * once compiled; calls made meanwhile follow it), sent to the Worker so that it neither
   * downloads nor compiles it again; `pkg`: which build it is, 'full' (www/pkg) or 'widget'
   * (www/pkg-widget). Without them the Worker loads the full build itself.
   */
  constructor(url = new URL('./worker.js', import.meta.url), { wasmModule = null, pkg = 'full' } = {}) {
    this.url = url;
    this.wasmModule = wasmModule;
    this.pkg = pkg;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve}
    this.restarts = 0;
    this.failed = false;
    this.start();
  }

  /** Starts the Worker (`new Worker` throws if the page's policy forbids it). */
  start() {
    const worker = new Worker(workerScript(this.url), { type: 'module' });
    this.worker = worker;
    // Whether this Worker's module has loaded (its first message, {started: true}): an error
    // before that means that its script cannot load here (another origin's module refused, say),
    // and a new Worker would fail the same way.
    this.answered = false;
    // The Worker imports the build's glue now, while the page compiles the wasm.
    worker.postMessage({ prepare: this.pkg });
    // Every message goes after the load message, in order.
    this.sent = Promise.resolve(this.wasmModule).then(
      (wasmModule) => worker.postMessage({ load: { wasmModule, pkg: this.pkg } }),
      () => worker.postMessage({ load: { pkg: this.pkg } }),
    );
    this.worker.onmessage = ({ data }) => {
      this.answered = true;
      const p = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.trap) this.restart();
      p?.resolve(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.answered) this.restart();
      else this.terminate();
    };
  }

  /** Ends the Worker for good: every call in flight, and every later one, answers
   * `{error: 'engine: the Worker could not start'}`. */
  terminate() {
    this.worker.terminate();
    this.failed = true;
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const p of lost) p.resolve(NOT_STARTED);
  }

  /** Ends the Worker (and every request in flight, answered as traps) and starts a new one. */
  restart() {
    this.worker.terminate();
    this.restarts += 1;
    const lost = [...this.pending.values()];
    this.pending.clear();
    this.start();
    for (const p of lost) p.resolve({ error: 'engine: the computation stopped', trap: true });
  }

  /** Sends one job; resolves with {result, ms} or {error, trap}. The buffers in `transfer` move
   * to the Worker (no copy). */
  call(job, client, args, transfer = []) {
    if (this.failed) return Promise.resolve(NOT_STARTED);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      const worker = this.worker;
      this.sent = this.sent
        .then(() => worker.postMessage({ id, job, client, args }, transfer))
        .catch((e) => {
          // Not sendable (a value that cannot be cloned): this call fails, the next ones go on.
          this.pending.delete(id);
          resolve({ error: String(e?.message || e) });
        });
    });
  }

  /**
   * A latest-wins channel for `client`: `run(job, args)` resolves with the Worker's answer, or
   * with {stale: true} when a newer request replaced it before it was sent.
   */
  channel(client) {
    return latestWins((job, args) => this.call(job, client, args));
  }
}

/**
 * A latest-wins queue over `send(...args)` (a promise): `run(...args)` sends at once when nothing
 * is in flight; otherwise it waits, replacing (and resolving with {stale: true}) any request
 * already waiting, and is sent when the one in flight answers. So at most one request is in
 * flight and one waits, and the latest state always wins.
 */
export function latestWins(send) {
  let busy = false;
  let waiting = null; // {args, resolve}
  const start = (args, resolve) => {
    busy = true;
    send(...args).then((answer) => {
      busy = false;
      resolve(answer);
      if (waiting) {
        const next = waiting;
        waiting = null;
        start(next.args, next.resolve);
      }
    });
  };
  return {
    run: (...args) =>
      new Promise((resolve) => {
        if (!busy) {
          start(args, resolve);
          return;
        }
        waiting?.resolve({ stale: true });
        waiting = { args, resolve };
      }),
  };
}
