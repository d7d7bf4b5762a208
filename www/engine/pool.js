// A small pool of engine Workers that split the main widget's batch between them.
//
// ∂ℓ/∂Wˡ is a sum over the examples of the batch, and so are the other per-layer statistics
// (crates/core/src/batch_split.rs): each Worker runs the same network (the same seed gives every
// Worker the same draws) on its slice of the batch (the same input x, each taking its columns)
// and sends back its partial sums, whose arrays are transferred, not copied. The first Worker
// merges them into the report; nothing is added on the page's main thread, which only passes
// the buffers on. The result equals the single Worker's to rounding.

import { EngineHost, latestWins } from './host.js';

export class EnginePool {
  /**
   * A pool of up to `size` Workers (default: the machine's cores), started when first used.
   * `load` = {wasmModule, pkg}, as for EngineHost: the page's compiled wasm, so that a new Worker
   * neither downloads nor compiles it again (without it, each loads the full build itself).
   */
  constructor(size = navigator.hardwareConcurrency || 1, url = new URL('./worker.js', import.meta.url), load = {}) {
    this.size = Math.max(1, Math.floor(size));
    this.url = url;
    this.load = load;
    this.hosts = [];
  }

  host(i) {
    while (this.hosts.length <= i) this.hosts.push(new EngineHost(this.url, this.load));
    return this.hosts[i];
  }

  /** Starts `n` Workers and resolves once each has its wasm ready. */
  warm(n = this.size) {
    return Promise.all(Array.from({ length: n }, (_, i) => this.host(i).call('memoryBytes', 'pool')));
  }

  /**
   * The gradient report for `settings` computed by `workers` Workers (1: the whole batch in one
   * Worker, as the engine host does): resolves with {result, ms, wall_ms} (ms: the Worker's own
   * time for one Worker, else the wall time of the whole request; wall_ms: the wall time) or
   * {error, trap}.
   */
  async gradients(settings, workers = this.size) {
    const t0 = performance.now();
    const batch = Math.max(1, Math.floor(settings.batch ?? 1));
    const n = Math.max(1, Math.min(Math.floor(workers), batch));
    if (n === 1) {
      const answer = await this.host(0).call('gradients', 'gradients', settings);
      return { ...answer, wall_ms: performance.now() - t0, workers: 1 };
    }
    const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * batch) / n));
    // The first Worker keeps its own slice's sums and merges the others' into them.
    const parts = await Promise.all(
      bounds.slice(0, n).map((start, i) => this.host(i).call(i === 0 ? 'keepPartial' : 'partial', 'gradients', { settings, start, end: bounds[i + 1], meanOver: batch })),
    );
    const failed = parts.find((p) => p.error);
    if (failed) return failed;
    const results = parts.slice(1).map((p) => p.result);
    const transfer = results.flatMap((r) => [r.grads.buffer, r.stats.buffer]);
    const answer = await this.host(0).call('combineKept', 'gradients', { parts: results }, transfer);
    // Where the time went: each slice's job, the merge's job (in the Workers' own clocks).
    const wall = performance.now() - t0;
    return { ...answer, ms: wall, wall_ms: wall, cold: parts.some((p) => p.cold), workers: n, parts_ms: parts.map((p) => p.ms), combine_ms: answer.ms };
  }

  /**
   * The report for `settings` from the first Worker alone, `steps` layer steps per job
   * (Engine.gradientsInSteps, crates/core/src/stepped_run.rs: a run is 2·depth steps). Before
   * each job it asks `wanted()`: once a newer setting has arrived it stops there and resolves
   * with {stale: true, jobs: the jobs done}, so the Worker is free for the newer one within one
   * job's time, where a whole run, once sent, holds it to the end. Otherwise as gradients(settings, 1), `ms` being
   * the jobs' own time; the report is the same as a whole run's, bit for bit.
   */
  async stepped(settings, steps, wanted) {
    const t0 = performance.now();
    let ms = 0;
    let cold = false;
    // A run ends within 2·depth steps: more jobs than that would be the engine's fault.
    const most = 2 * Math.max(1, Math.floor(settings.depth ?? 1)) + 1;
    for (let jobs = 1; jobs <= most; jobs += 1) {
      if (!wanted()) return { stale: true, jobs: jobs - 1 };
      const answer = await this.host(0).call('gradientSteps', 'gradients', { settings, steps });
      if (answer.error) return answer;
      ms += answer.ms;
      cold ||= answer.cold;
      if (answer.result) return { ...answer, ms, cold, wall_ms: performance.now() - t0, workers: 1, jobs };
    }
    return { error: 'engine: the run in steps did not end' };
  }

  /**
   * A latest-wins channel (as EngineHost.channel): `run(settings, workers, stepping)` resolves
   * with the pool's answer, or with {stale: true} when a newer request replaced it before it
   * started. With `stepping` = {steps, wanted}, one Worker computes it a few layers per job
   * (`stepped`) and stops early once `wanted()` is false.
   */
  channel() {
    return latestWins((settings, workers, stepping = null) => (stepping ? this.stepped(settings, stepping.steps, stepping.wanted) : this.gradients(settings, workers)));
  }


  /** Ends every Worker. */
  terminate() {
    for (const h of this.hosts) h.worker.terminate();
    this.hosts = [];
  }
}
