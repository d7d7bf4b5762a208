// Playing training runs in step, a few steps per animation frame, without blocking the page:
// the symmetry cell, the training comparison and the LARS cell all work this way. Each run is a
// wasm DeepRun, trained in a Worker where the page may start one (`remotePlayback`), else on
// this thread; or what the cell's `build` makes, on this thread (the symmetry cell's small
// trainer, which draws its own chart). The playback owns the play/pause, "one step" and "start
// over" buttons, rebuilds the runs when a setting that defines them changes, and stops by itself
// at `maxSteps`.
//
// Steps per frame adapt to what they cost (issue 10 §2): each playing frame does the cell's
// `speed` steps at most, and no more than fit in FRAME_BUDGET_MS by a smoothed estimate of one
// step's cost (measured with performance.now() on every frame), at least one. The steps are the
// same sequence whatever their batching: run.step(n) is n single steps.

import { frameLoop } from './common.js';

/** The stepping time a playing frame aims at (ms), leaving the rest of a 60 Hz frame to the
 * drawing and the page. */
export const FRAME_BUDGET_MS = 8;
/** The weight of the newest frame in the smoothed cost of one step. */
const COST_SMOOTHING = 0.3;

/** Folds one measured cost of a step (ms) into `cell.msPerStep`, the smoothed cost. */
function noteStepCost(cell, perStep) {
  cell.msPerStep = cell.msPerStep == null ? perStep : cell.msPerStep + COST_SMOOTHING * (perStep - cell.msPerStep);
}

/**
 * The steps a playing frame takes: `asked` (the cell's speed) at most, as many as fit in
 * `budgetMs` at `msPerStep` (the smoothed cost; null before the first measure: one step, to
 * measure it), at least one.
 */
export function stepsForFrame(asked, msPerStep, budgetMs = FRAME_BUDGET_MS) {
  if (!(asked >= 1)) return 1;
  if (msPerStep == null) return 1;
  if (!(msPerStep > 0)) return asked;
  return Math.max(1, Math.min(asked, Math.floor(budgetMs / msPerStep)));
}

/**
 * The play, step and reset buttons and the step counter of a training cell, for the end of its
 * form (the playback drives them); `kind` names their row's class, `${kind}-buttons`.
 */
export function playbackButtons(kind) {
  return `
    <div class="control wide ${kind}-buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step" data-i18n="train.step"></button>
      <button type="button" data-action="reset" data-i18n="train.reset"></button>
      <span data-out="counter"></span>
    </div>`;
}

/**
 * Starts the playback of `cell.runs` (an array this keeps filled with {run, snapshot, losses,
 * …extra}; in a Worker, {snapshot, losses, histograms, …extra}). Options:
 * - `runs()` → [{settings, …extra}]: the runs to build (on start and after `restart()`);
 * - `build(settings)` → a run with step(n) → snapshot, state() and free() (and losses() if it
 *   keeps them); a wasm DeepRun by default;
 * - `speed()` → steps per frame while playing;
 * - `buttons` {play, step, reset}: the elements that drive it;
 * - `afterFrame(moved, changed)`: called every frame after stepping (moved: the runs changed);
 * - `draw()`, `syncView()` and `errors` (see common.js).
 * `cell.frameBudgetMs` (default FRAME_BUDGET_MS) bounds the stepping time of a playing frame;
 * `cell.msPerStep` is the smoothed cost of one step (all runs), `cell.stepsPerFrame` the steps of
 * the last playing frame (the benchmark reads them).
 * Returns {schedule(compute), restart(), setPlaying(on)}.
 */
export function runPlayback(cell, options) {
  const host = !options.build && options.host?.();
  return host ? remotePlayback(cell, host, options) : localPlayback(cell, options);
}

/**
 * The playback's buttons and play state over its frame loop `schedule` (and the cell's playback
 * fields, at their start: see `runPlayback`). Returns {asked,
 * restart(), setPlaying(on)}: `asked` holds what the buttons asked of the loop, {restart: runs
 * to build anew, steps: single steps to take}, which the loop reads and clears.
 */
function playControls(cell, { maxSteps, buttons, syncView }, schedule) {
  cell.runs = [];
  cell.step = 0;
  cell.playing = false;
  cell.frameBudgetMs = FRAME_BUDGET_MS;
  cell.msPerStep = null;
  cell.stepsPerFrame = 0;
  const asked = { restart: true, steps: 0 };
  function setPlaying(on) {
    cell.playing = on && cell.step < maxSteps;
    syncView();
    if (cell.playing) schedule(false);
  }
  const restart = () => {
    asked.restart = true;
    asked.steps = 0;
    schedule(true);
  };
  buttons.play.addEventListener('click', () => setPlaying(!cell.playing));
  buttons.step.addEventListener('click', () => {
    asked.steps += 1;
    schedule(true);
  });
  buttons.reset.addEventListener('click', restart);
  cell.setPlaying = setPlaying;
  return { asked, restart, setPlaying };
}

function localPlayback(cell, { wasm, maxSteps, runs, speed, build = (s) => new wasm.DeepRun(s), buttons, afterFrame, draw, syncView, errors }) {
  function rebuild() {
    for (const r of cell.runs) r.run.free();
    cell.runs = [];
    cell.step = 0;
    cell.msPerStep = null; // new runs, maybe of another size: measure again
    try {
      for (const { settings, ...extra } of runs()) {
        const run = build(settings);
        cell.runs.push({ ...extra, run, snapshot: run.state(), losses: run.losses?.() });
      }
      cell.computes += 1;
      errors.clear();
    } catch (e) {
      errors.show(e);
    }
  }

  function advance(n) {
    n = Math.min(n, maxSteps - cell.step);
    if (n <= 0 || cell.runs.length === 0) {
      if (cell.step >= maxSteps) setPlaying(false);
      return false;
    }
    try {
      const t0 = performance.now();
      for (const r of cell.runs) {
        r.snapshot = r.run.step(n);
        r.losses = r.run.losses?.();
      }
      noteStepCost(cell, (performance.now() - t0) / n);
      cell.step += n;
      cell.computes += 1;
    } catch (e) {
      errors.show(e);
      setPlaying(false);
    }
    return true;
  }

  const schedule = frameLoop((changed) => {
    cell.frames += 1;
    let moved = false;
    if (asked.restart) {
      asked.restart = false;
      rebuild();
      moved = true;
    }
    let n = asked.steps;
    asked.steps = 0;
    if (cell.playing) {
      cell.stepsPerFrame = stepsForFrame(speed(), cell.msPerStep, cell.frameBudgetMs);
      n += cell.stepsPerFrame;
    }
    if (advance(n)) moved = true;
    afterFrame(moved, changed);
    draw();
    if (cell.playing) schedule(false);
  });

  const { asked, restart, setPlaying } = playControls(cell, { maxSteps, buttons, syncView }, schedule);
  return { schedule, restart, setPlaying };
}

/**
 * The playback with its runs in a Worker (`host`, www/engine/host.js): the Worker builds and
 * steps them (job `play`, www/engine/worker.js) and this thread only draws what it answers, so a
 * costly step never holds a frame. One request is on its way at a time. Each animation frame
 * grants `speed()` steps; a request takes as many of them as fit in `cell.frameBudgetMs` of the
 * Worker's time by the smoothed cost of one step, and the next one leaves as soon as the answer
 * arrives while the frame's grant lasts, so the Worker is kept busy without ever running ahead of
 * the cell's speed. Each frame draws the latest answer, if a new one came.
 * `histogram(runs)` → {index, bins} | null asks for the histograms of one of `runs` (the entries of
 * `runs()`, or `cell.runs`) with every answer; that entry of `cell.runs` then holds them as
 * `histograms`.
 */
function remotePlayback(cell, host, { client, maxSteps, runs, speed, histogram = () => null, buttons, afterFrame, draw, syncView, errors }) {
  cell.inFlight = 0;
  cell.pictures = 0; // frames that drew a new answer
  let grant = 0; // steps this frame may still ask for
  let fresh = false; // an answer not drawn yet
  let histogramOf = null; // the run whose histograms the last answer holds

  function send(args, n, extras) {
    cell.inFlight = 1;
    host.call('play', client, args).then((answer) => {
      cell.inFlight = 0;
      if (answer.error) {
        errors.show(answer.error);
        setPlaying(false);
        // A trap ends the Worker and its runs: they are built again when asked for next.
        if (answer.trap) asked.restart = true;
        schedule(false);
        return;
      }
      const { snapshots, losses } = answer.result;
      if (extras) {
        cell.runs = extras.map((extra, i) => ({ ...extra, snapshot: snapshots[i], losses: losses[i] }));
        cell.step = 0;
        cell.msPerStep = null; // new runs, maybe of another size: measure again
        errors.clear();
      } else {
        cell.runs.forEach((r, i) => Object.assign(r, { snapshot: snapshots[i], losses: losses[i] }));
        cell.step += n;
        if (n > 0 && !answer.cold) noteStepCost(cell, answer.ms / n);
      }
      const h = answer.result.histograms;
      histogramOf = h?.index ?? null;
      for (const [i, r] of cell.runs.entries()) r.histograms = i === histogramOf ? h.bins : null;
      cell.computes += 1;
      fresh = true;
      if (cell.step >= maxSteps) setPlaying(false);
      pump();
      schedule(false);
    });
  }

  /** Sends the next request, if none is on its way and there is something to ask. */
  function pump() {
    if (cell.inFlight) return;
    if (asked.restart) {
      asked.restart = false;
      asked.steps = 0;
      let extras;
      try {
        extras = runs();
      } catch (e) {
        errors.show(e);
        return;
      }
      send({ build: extras.map((x) => x.settings), steps: 0, histogram: histogram(extras) }, 0, extras.map(({ settings, ...extra }) => extra));
      return;
    }
    const h = histogram(cell.runs);
    let n = asked.steps;
    asked.steps = 0;
    if (cell.playing && grant > 0) {
      const take = Math.min(grant, stepsForFrame(speed(), cell.msPerStep, cell.frameBudgetMs));
      grant -= take;
      cell.stepsPerFrame = take;
      n += take;
    }
    n = Math.max(0, Math.min(n, maxSteps - cell.step));
    if (n > 0 || (h && h.index !== histogramOf)) send({ steps: n, histogram: h }, n, null);
  }

  const schedule = frameLoop((changed) => {
    cell.frames += 1;
    if (cell.playing) grant = speed();
    pump();
    const moved = fresh;
    fresh = false;
    if (moved) cell.pictures += 1;
    if (moved || changed) {
      afterFrame(moved, changed);
      draw();
    }
    if (cell.playing) schedule(false);
  });

  const { asked, restart, setPlaying } = playControls(cell, { maxSteps, buttons, syncView }, schedule);
  /** The Worker's count of runs: {live (this cell's), replaced, freed (all cells')}; its memory. */
  cell.workerRuns = async () => (await host.call('playRuns', client)).result;
  cell.workerMemory = async () => (await host.call('memoryBytes', client)).result;
  return { schedule, restart, setPlaying };
}
