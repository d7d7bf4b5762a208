// The engine host: the page's side of the Worker (worker.js). Each cell talks to it through a
// channel that keeps at most one request in flight and at most one waiting: a newer request
// replaces the waiting one (which is dropped, never computed), so the latest state always wins
// and a fast slider never builds a queue. A trap in the Worker ends it; the host starts a new
// one and the channels report the trap, so each cell can offer to reload itself.

export class EngineHost {
  constructor(url = new URL('./worker.js', import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve}
    this.restarts = 0;
    this.start();
  }

  start() {
    this.worker = new Worker(this.url, { type: 'module' });
    this.worker.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.trap) this.restart();
      p?.resolve(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.restart();
    };
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
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ id, job, client, args }, transfer);
    });
  }

  /**
   * A latest-wins channel for `client`: `run(job, args)` resolves with the Worker's answer, or
   * with {stale: true} when a newer request replaced it before it was sent.
   */
  channel(client) {
    let busy = false;
    let waiting = null; // {job, args, resolve}
    const send = (job, args, resolve) => {
      busy = true;
      this.call(job, client, args).then((answer) => {
        busy = false;
        resolve(answer);
        if (waiting) {
          const next = waiting;
          waiting = null;
          send(next.job, next.args, next.resolve);
        }
      });
    };
    return {
      run: (job, args) =>
        new Promise((resolve) => {
          if (!busy) {
            send(job, args, resolve);
            return;
          }
          waiting?.resolve({ stale: true });
          waiting = { job, args, resolve };
        }),
    };
  }
}
