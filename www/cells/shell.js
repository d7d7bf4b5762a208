// The one shell every live cell mounts through: its frame and heading, its controls made from
// the engine's declaration of the cell (wasm `schema()`), the notes beside them, the table
// toggle, the seed button, the "reproduce in PyTorch" panel, the resize and language hooks, and
// one of the two loops (compute-on-change, common.js `runCell`, or playback, run-playback.js
// `runPlayback`, which the cells that play import and hand over, so that no other cell's page
// loads it). A cell module keeps only what is its own: its layout, its text, its compute and its
// drawing.

import { applyTranslations } from '../i18n.js';
import { cellFields } from '../state.js';
import { cellHost, errorDisplay, noteCanvasSize, pytorchPanel, runCell, showTable } from './common.js';
import { bindControls, h, makeControl } from './controls.js';
import { PART_SELECTORS } from '../embed/options.js';

/**
 * The markup of a table of numbers: `caption` is `{key}` (an i18n key) or `{out}` (filled by the
 * cell, `data-out`); `columns` are the headers, each an i18n key or `{html}` (fixed markup, such
 * as a symbol with a subscript); `id` names the table and its caption (`${id}-caption`), `out`
 * marks the table for the cell (`data-out`).
 */
export function numbersTable({ id, caption, columns, out }) {
  const captionAttr = caption.key ? `data-i18n="${caption.key}"` : `data-out="${caption.out}"`;
  const header = (c) => (c.html ? `<th scope="col">${c.html}</th>` : `<th scope="col" data-i18n="${c}"></th>`);
  return `
  <table class="numbers"${id ? ` id="${id}"` : ''}${out ? ` data-out="${out}"` : ''}>
    <caption${id ? ` id="${id}-caption"` : ''} ${captionAttr}></caption>
    <thead><tr>${columns.map(header).join('')}</tr></thead>
    <tbody></tbody>
  </table>`;
}

/** A table of numbers (see `numbersTable`) always shown, in a wrap that scrolls and takes focus. */
export function shownTable(spec) {
  return `<div class="table-wrap" tabindex="0">${numbersTable(spec)}</div>`;
}

/**
 * A table of numbers (see `numbersTable`) that the cell's table toggle shows and hides: visually
 * hidden but read by screen readers until shown; `region` makes it a named region.
 */
export function toggledTable({ id, caption, columns, region = false }) {
  const regionAttr = region ? ` role="region" aria-labelledby="${id}-caption"` : '';
  return `
<div class="table-wrap visually-hidden" id="${id}-wrap" data-out="table-wrap"${regionAttr}>${numbersTable({ id, caption, columns })}
</div>`;
}

/**
 * The markup of a cell's chart figure: the canvas, described by the verdict line `summaryId`
 * below it (`data-out="summary"`, spoken once settled: see `announceVerdicts`), and the error
 * line (`data-out="error"`); `describedBy` adds more ids (a table's caption) to its description.
 */
export function chartFigure(summaryId, describedBy = '') {
  return `
<figure class="output">
  <canvas class="chart" role="img" aria-describedby="${`${summaryId} ${describedBy}`.trim()}"></canvas>
  <figcaption>
    <p class="verdict" id="${summaryId}" data-out="summary" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>`;
}

/** How long a cell's verdict must stay unchanged before its live region speaks it (ms). */
export const SETTLE_MS = 500;

/**
 * The cell's polite live region (a visually hidden `[data-live="verdict"]` at the end of `root`):
 * it takes the text of the cell's verdicts (its `[data-verdict]` elements, which change on every
 * frame while a slider moves) once neither they nor the cell's controls have changed for
 * SETTLE_MS and no result is on its way (`cell.inFlight`), so that a screen reader speaks the
 * settled verdict once. While a control is still being moved nothing is spoken, however slowly
 * the results come. The verdicts at load are not spoken.
 */
function announceVerdicts(root, cell) {
  const verdicts = [...root.querySelectorAll('[data-verdict]')];
  if (verdicts.length === 0) return;
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-live': 'verdict' });
  root.append(live);
  const text = () => verdicts.map((v) => v.textContent.trim().replace(/\s+/g, ' ')).filter(Boolean).join(' ');
  let said = text() || null; // null: the first verdict (the load's) is yet to come
  let timer = 0;
  const settled = () => {
    if (cell.inFlight > 0) {
      wait(); // a result is still on its way (the exact one after a preview): not settled yet
      return;
    }
    const now = text();
    if (said !== null && now !== said) live.textContent = now;
    said = now;
  };
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(settled, SETTLE_MS);
  };
  const observer = new MutationObserver(wait);
  for (const v of verdicts) observer.observe(v, { childList: true, characterData: true, subtree: true });
  root.addEventListener('input', wait);
}

/** Option labels of the enums most cells share: value → i18n key. */
const SHARED_CHOICES = { activation: (v) => `act.${v}`, init: (v) => `init.${v}`, precision: (v) => `prec.${v}` };

/**
 * Mounts the live cell `name` (its slot name and its declaration's name) into `slot`.
 *
 * `spec` is the cell's layout and text:
 * - `ids`: the prefix of its element ids (default: the declared URL prefix); `text`: the prefix
 *   of its i18n keys (default `ids`); the heading is `${text}.heading`, the intro `${text}.intro`;
 * - `labels` {field: i18n key} (default `${text}.${field}`), `numberLabels` {field: key} for a
 *   slider's number box, `choices` {field: value → key};
 * - `sliders`: the numeric fields shown with a range slider; `steps` {field: step};
 * - `groups`: [{fields, cls, legend?}], bool fields shown together in one fieldset;
 * - `hints` {field: {key} | {out}}; `seedButton`: the i18n key of the "new seed" button;
 * - `firstPlot`: the cell is the notebook's main widget, whose first drawing marks
 *   `gradscope:first-plot` (not when embedded);
 * - `formExtra`: markup (no user text) added at the end of the form; `body`: the cell's output
 *   markup; a `[data-control="F"]` in it receives field F's control instead of the form;
 * - `setup(api)` → the cell's behaviour: {compute?, renderText?, draw, syncView?, pytorch, busy?, fillDue?,
 *   onChange?(name) → true to force a compute, playback?: {run (run-playback.js `runPlayback`),
 *   maxSteps, runs, speed, build?, afterFrame}}.
 * `api` = {root, state, fields, cell, t, out(name), errors, notes, set(name, raw), input(name, raw),
 *   showNote, schedule(level), relabel}.
 * `ctx.embed` (an embedded element's options): {lock: Set of fields shown but not changeable,
 * hide: Set of fields and parts (embed/options.js `PARTS`) removed from view}; `ctx.onComputed(cell)` is
 * called after every compute (and every playback frame).
 * Returns the cell object ({state, frames, computes, onLanguage, input(field, raw), pause(),
 * lastResult(), …}).
 */
export function mountCell(name, slot, ctx, spec) {
  const { wasm, store, t } = ctx;
  const { prefix, fields } = cellFields(wasm, name);
  const { state, notes } = store.register(prefix, fields);
  const ids = spec.ids ?? prefix;
  const { root, table, seedButton, pytorchHost, label } = layout(name, prefix, fields, spec);
  slot.appendChild(root);
  applyTranslations(root, ctx.lang());

  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const errors = errorDisplay(root, out('error') ?? root, t);
  // frames: frames of the cell's loop; draws: drawings of its chart (tests count both).
  const cell = { state, frames: 0, draws: 0, computes: 0, onLanguage: null };
  let behaviour = null;
  let loop = null;

  const controls = bindControls(root, {
    store,
    prefix,
    fields,
    t,
    notes,
    onChange: (f, event) => onInput(f, event),
  });
  /**
   * Draws, and once the chart shows the latest input's state (no compute still on its way),
   * records `gradscope:update` from that input to now (performance.measure; the benchmark and
   * the tests read them). The first drawing of a `spec.firstPlot` cell marks `gradscope:first-plot`.
   */
  // Whether a drawing happened since the last animation frame began (`show` draws at most once
  // per frame).
  let drewThisFrame = false;
  function draw() {
    if (!drewThisFrame) {
      drewThisFrame = true;
      requestAnimationFrame(() => {
        drewThisFrame = false;
      });
    }
    behaviour.draw();
    cell.draws += 1;
    if (cell.inputAt != null && !(cell.inFlight > 0)) {
      performance.measure('gradscope:update', { start: cell.inputAt, end: performance.now(), detail: { cell: name, preview: false } });
      cell.inputAt = null;
    }
    if (spec.firstPlot && !ctx.embed && cell.lastResult() && performance.getEntriesByName('gradscope:first-plot').length === 0) {
      performance.mark('gradscope:first-plot');
    }
  }
  /** A field changed (by its control, or by the cell as if by its control): the `input` event's
   * timeStamp (or now, for a change made by the cell) starts its `gradscope:update` measure. A
   * `change` event, which follows the `input` events of the same edit, starts none. */
  function onInput(f, event = null) {
    if (event?.type !== 'change') cell.inputAt = event?.timeStamp ?? performance.now();
    const force = behaviour.onChange?.(f);
    syncView();
    changed(f, force);
  }
  /** What a change of field `f` asks of the loop: a setting is recomputed (a playback starts
   * over), a view field only re-renders. */
  function changed(f, force) {
    const setting = force || fields[f].role === 'setting';
    if (behaviour.playback) {
      if (setting) loop.restart();
      else loop.schedule(true);
    } else if (setting && behaviour.sendsAtInput) {
      // The request leaves in the input's own task, not a frame later; `show` draws its answer.
      compute();
    } else loop.schedule(setting ? 2 : 1);
  }
  /** A compute may answer later (the main widget's runs in a Worker): `computed` then follows
   * its answer, unless a newer request replaced it. Returns whether an answer is on its way
   * (it is drawn when it comes). */
  function compute() {
    const answer = behaviour.compute?.();
    if (answer?.then) {
      answer.then((fresh) => fresh && computed());
      return true;
    }
    computed();
    return false;
  }
  const api = {
    root,
    state,
    fields,
    cell,
    t,
    out,
    errors,
    /** What was fixed in the values read at load (the URL): {field: note}. */
    notes,
    /** Sets field `f` from `raw`, shows the note and updates the field's controls. */
    set(f, raw) {
      controls.showNote(f, store.set(prefix, f, raw));
      controls.syncField(f);
    },
    /** Sets field `f` as its control would: the cell reacts, computes or re-renders. */
    input(f, raw) {
      api.set(f, raw);
      onInput(f);
    },
    /** Shows a note beside field `f`: a coerce note, an i18n key, or null to hide it. */
    showNote: controls.showNote,
    /** Asks the loop for a frame: 2 recomputes, 1 re-renders the text, 0 only redraws. */
    schedule(level) {
      if (behaviour.playback) loop.schedule(level >= 2);
      else loop.schedule(level);
    },
    /** An answer arrived between frames: draws it (and at `level` 1 renders its text) now,
     * unless this frame already drew, then at the next frame. The browser shows it at its next
     * frame either way; drawing now does not wait a frame's callbacks for nothing. */
    show(level) {
      api.schedule(level);
      if (!drewThisFrame) loop.schedule.now?.();
    },
    /** Points the label of field `f` at another i18n key. */
    relabel(f, key) {
      const el = root.querySelector(`label[for="${ids}-${f}"], label[for="${ids}-${f}-range"]`);
      if (!el) return;
      el.dataset.i18n = key;
      el.textContent = t.translate(key);
    },
  };
  behaviour = spec.setup(api);
  // A cell whose requests leave at the input (its engine is in a Worker) sends its first one now,
  // so that the Worker computes while the page lays the cell out; the frame loop's first compute
  // then finds it on its way and asks nothing more.
  if (behaviour.sendsAtInput && !behaviour.playback) compute();
  const pytorch = pytorchPanel(pytorchHost, behaviour.pytorch, t);
  addExports(root, wasm, ctx, { name, fields, state });
  shareButton(root, ctx, { name, prefix, fields, state, label });
  if (ctx.embed) embedOptions(root, ids, fields, ctx.embed);
  /** The last computed numbers: the cell's result (or report, or curve), or its runs' losses. */
  cell.lastResult = () =>
    behaviour.result?.() ??
    cell.result ??
    cell.report ??
    cell.curve ??
    (cell.runs?.length ? cell.runs.map((r) => ({ losses: Array.from(r.losses ?? []) })) : null);
  function computed() {
    ctx.onComputed?.(cell);
  }

  function syncView() {
    if (table) {
      for (const wrap of root.querySelectorAll('[data-out="table-wrap"]')) showTable(wrap, state.table);
      table.setAttribute('aria-expanded', String(state.table));
      table.textContent = t.translate(state.table ? 'control.hideTable' : 'control.table');
    }
    behaviour.syncView?.();
    pytorch.refresh();
  }
  table?.addEventListener('click', () => {
    store.set(prefix, 'table', state.table ? '0' : '1');
    syncView();
  });
  seedButton?.addEventListener('click', () => {
    let seed = wasm.newSeed();
    if (seed === state.seed) seed = (seed + 1) % (fields.seed.max + 1);
    api.input('seed', String(seed));
  });

  controls.sync();
  if (behaviour.playback) {
    const button = (action) => root.querySelector(`[data-action="${action}"]`);
    const buttons = { play: button('play'), step: button('step'), reset: button('reset') };
    const afterFrame = (...args) => {
      behaviour.playback.afterFrame?.(...args);
      computed();
    };
    // The runs train in a Worker where the page may start one (the stability map's, started on
    // first use), else on this thread.
    const host = () => cellHost(ctx);
    loop = behaviour.playback.run(cell, { wasm, host, client: name, ...behaviour.playback, afterFrame, buttons, draw, syncView, errors });
    syncView();
    loop.schedule(true);
  } else {
    loop = { schedule: runCell(cell, { compute, renderText: behaviour.renderText, draw, pytorch }) };
    syncView();
  }
  /** Re-reads the state from the store (after something outside the cell set it, such as a
   * "show me" link), updates the controls and the view, and computes again. */
  cell.refresh = () => {
    controls.sync();
    syncView();
    if (behaviour.playback) loop.restart();
    else loop.schedule(2);
  };
  announceVerdicts(root, cell);
  /** Whether the cell has work not yet on screen: an engine request unanswered (`inFlight`), a
   * frame asked for (an answer waiting to be drawn), a table still to fill (`tableDue`), or what
   * its behaviour says (the stability map filling in). A playing playback always has a frame and
   * maybe a Worker's step on their way: it is busy only once paused, until its last answer. */
  cell.busy = () =>
    (cell.inFlight > 0 && !cell.playing) || (!behaviour.playback && loop.schedule.pending()) || Boolean(cell.tableDue) || Boolean(behaviour.busy?.());
  /** Sets field `f` as its control would (an element's attribute, `el.state = …`). */
  cell.input = (f, raw) => api.input(f, raw);
  /** Runs the cell's pending frame now (printing: the print is laid out before the next frame). */
  cell.flush = () => loop.schedule.now?.();
  /** Does now what waits for a quiet moment (the main widget's hidden table), for `settled()`. */
  cell.fillDue = () => behaviour.fillDue?.();
  /** Stops a playback (an element that scrolled out of view). */
  cell.pause = () => loop.setPlaying?.(false);
  cell.root = root;
  // A canvas is redrawn when its size needs another backing store (see `noteCanvasSize`): a
  // section coming back into view (content-visibility: auto) is reported at the size it had, and
  // its picture is still there.
  const resize = new ResizeObserver((entries) => {
    let redraw = false;
    for (const e of entries) redraw = noteCanvasSize(e.target, e.contentRect.width, e.contentRect.height) || redraw;
    if (redraw) loop.schedule(false);
  });
  for (const canvas of root.querySelectorAll('canvas')) resize.observe(canvas);
  cell.onLanguage = () => {
    applyTranslations(root, ctx.lang());
    controls.relabelNotes();
    pytorch.relabel();
    syncView();
    loop.schedule(behaviour.playback ? true : 1);
  };
  return cell;
}

/**
 * The cell's frame, made from its declared `fields` and its `spec` (see `mountCell`): the section
 * with its heading and intro, the form of controls, the cell's body, the table toggle and the
 * PyTorch panel's host. Returns {root, table, seedButton, pytorchHost}.
 */
function layout(name, prefix, fields, spec) {
  const ids = spec.ids ?? prefix;
  const text = spec.text ?? ids;

  const root = h('section', { class: 'cell live', id: `cell-${name}`, 'aria-labelledby': `${text}-heading` }, [
    h('h3', { id: `${text}-heading`, 'data-i18n': `${text}.heading` }),
    h('p', { class: 'prose', 'data-i18n': `${text}.intro` }),
  ]);
  const form = h('form', { class: 'controls', novalidate: true });
  form.addEventListener('submit', (ev) => ev.preventDefault());
  root.append(form);
  const body = document.createElement('div');
  // The cell module's own markup: constants and declared names (the engine's schema) only;
  // every value from the URL, an attribute or a control is written later, as text.
  body.innerHTML = spec.body ?? '';
  const table = fields.table ? h('button', { type: 'button', class: 'table-toggle', 'data-action': 'table', 'aria-expanded': 'false' }) : null;

  // The controls, in the declared order; `table` is the toggle below, not a control.
  const label = (f) => spec.labels?.[f] ?? `${text}.${f}`;
  const seedButton = spec.seedButton ? h('button', { type: 'button', 'data-action': 'new-seed', 'data-i18n': spec.seedButton }) : null;
  const grouped = new Map((spec.groups ?? []).flatMap((g) => g.fields.map((f) => [f, g])));
  const control = (f) =>
    makeControl(f, fields[f], {
      id: `${ids}-${f}`,
      noteId: `${ids}-note-${f}`,
      label: label(f),
      numberLabel: spec.numberLabels?.[f] ?? label(f),
      slider: spec.sliders?.includes(f),
      step: spec.steps?.[f],
      hint: spec.hints?.[f],
      choiceLabel: spec.choices?.[f] ?? SHARED_CHOICES[f] ?? ((v) => `${text}.${f}.${v}`),
      button: f === 'seed' ? seedButton : null,
    });
  for (const f of Object.keys(fields)) {
    if (f === 'table') continue;
    const group = grouped.get(f);
    if (group) {
      if (group.fields[0] !== f) continue;
      const set = h('fieldset', { class: `control ${group.cls ?? 'toggles'}` }, group.legend ? [h('legend', { 'data-i18n': group.legend })] : []);
      for (const g of group.fields) {
        const noteId = `${ids}-note-${g}`;
        set.append(h('label', {}, [h('input', { type: 'checkbox', id: `${ids}-${g}`, 'data-field': g, 'aria-describedby': noteId }), ' ', h('span', { 'data-i18n': label(g) })]));
      }
      // Their notes (a value from the URL that was not a bool) below the group.
      for (const g of group.fields) set.append(h('p', { class: 'note', id: `${ids}-note-${g}`, 'data-note': g, role: 'status', hidden: true }));
      form.append(set);
      continue;
    }
    const place = body.querySelector(`[data-control="${f}"]`);
    if (place) place.replaceWith(control(f));
    else form.append(control(f));
  }
  if (spec.formExtra) form.insertAdjacentHTML('beforeend', spec.formExtra); // the cell's markup, as `body`
  // The table toggle goes where the body marks it, else before the first table.
  if (table) {
    const mark = body.querySelector('[data-shell="table"]') ?? body.querySelector('[data-out="table-wrap"]');
    if (mark) mark.before(table);
    else body.append(table);
    body.querySelector('[data-shell="table"]')?.remove();
    const wraps = [...body.querySelectorAll('[data-out="table-wrap"]')];
    const wrapIds = wraps.map((w) => w.id).filter(Boolean).join(' ');
    if (wrapIds) table.setAttribute('aria-controls', wrapIds);
  }
  const pytorchHost = h('div', { 'data-out': 'pytorch' });
  root.append(...body.childNodes, pytorchHost);
  return { root, table, seedButton, pytorchHost, label };
}

/**
 * Adds the download buttons to a mounted cell: PNG and SVG below every canvas, CSV below every
 * table of numbers. `info` = {name, fields, state}. A press loads export.js, which makes the
 * file (the first press only: a page nobody downloads from does not load it).
 */
function addExports(root, wasm, ctx, info) {
  const bar = (after, target, suffix, kinds) => {
    const el = h('div', { class: 'export-bar', 'data-part': 'export', role: 'group', 'data-i18n-attr': 'aria-label:export.group' });
    after.after(el);
    for (const kind of kinds) {
      const key = `export.${kind}`;
      const b = h('button', { type: 'button', class: 'export', 'data-export': kind, 'data-i18n': key, text: ctx.t.translate(key) });
      b.addEventListener('click', async () => {
        try {
          await (await import('./export.js')).exportFile(kind, target, { wasm, ctx, info, suffix });
        } catch (e) {
          b.title = String(e?.message ?? e);
        }
      });
      el.append(b);
    }
  };
  [...root.querySelectorAll('canvas')].forEach((canvas, i) => bar(canvas, canvas, i > 0 ? `-${i + 1}` : '', ['png', 'svg']));
  [...root.querySelectorAll('table.numbers')].forEach((table, i) => {
    bar(table.closest('[data-out="table-wrap"]') ?? table, table, i > 0 ? `-table${i + 1}` : '', ['csv']);
  });
}

/**
 * The "Share / embed" button of a mounted cell (`info` as share.js `shareDialog` takes it). Its
 * first press loads share.js and makes the dialog; every press fills it for the current state
 * and opens it.
 */
function shareButton(root, ctx, info) {
  const button = h('button', { type: 'button', class: 'share-open', 'data-part': 'share', 'data-i18n': 'share.open', 'aria-haspopup': 'dialog', text: ctx.t.translate('share.open') });
  let dialog = null;
  button.addEventListener('click', async () => {
    try {
      dialog ??= import('./share.js').then((m) => m.shareDialog(root, ctx, info));
      (await dialog).open();
    } catch (e) {
      dialog = null;
      button.title = String(e?.message ?? e);
    }
  });
  root.append(button);
}

/**
 * An embedded cell's options: a locked field's controls show its value but are disabled (no
 * pointer or key changes them); a hidden field's control, or a hidden part (table, pytorch,
 * verdict, export, share), is removed from view.
 */
function embedOptions(root, ids, fields, { lock, hide }) {
  for (const f of lock) {
    if (!fields[f]) continue;
    for (const el of root.querySelectorAll(`[data-field="${f}"]`)) {
      el.disabled = true;
      el.dataset.locked = 'true';
    }
    if (f === 'seed') root.querySelector('[data-action="new-seed"]')?.setAttribute('disabled', '');
  }
  for (const name of hide) {
    if (Object.hasOwn(PART_SELECTORS, name)) for (const el of root.querySelectorAll(PART_SELECTORS[name])) el.hidden = true;
    else if (fields[name]) {
      for (const el of root.querySelectorAll(`[data-field="${name}"]`)) {
        const control = el.closest('.control') ?? el.closest('label') ?? el;
        control.hidden = true;
      }
    }
  }
}
