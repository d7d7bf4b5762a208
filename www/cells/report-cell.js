// The report cells: a compute-on-change cell whose engine export turns the cell's settings into
// one report, drawn as the engine's chart of the same name (the product, spectrum, rescaling and
// softmax cells). The frame, the controls, the loop, the table toggle and the PyTorch panel come
// from `mountCell`; this adds the parts those cells share: the settings (every field whose role
// is `setting`), the compute, the drawing and the PyTorch code.

import { formatNumber } from '../i18n.js';
import { cellHost, computeInWorker, computeReport, drawReport } from './common.js';
import { mountCell } from './shell.js';

/** The engine's settings from a cell's state: its fields whose role is `setting`. */
export function settingsOf(fields, state) {
  return Object.fromEntries(Object.keys(fields).filter((f) => fields[f].role === 'setting').map((f) => [f, state[f]]));
}

/**
 * Mounts the report cell `name` (see `mountCell` for `spec`'s frame options). `spec.engine` is
 * the name of the wasm export that computes the report from the settings; `spec.setup(api)`
 * gets `mountCell`'s api plus `{canvas, tbody, ctx, fmt}` and returns `{renderText(report),
 * labels(narrow)}` (the chart's texts; `narrow`: a canvas under 520 CSS px) and optionally
 * `syncView`. The report is in `cell.report` (null after an engine error, which is shown beside
 * its control: then the texts `spec.texts` (default: the summary) are emptied), the chart's
 * outcome in `cell.outcome`.
 */
export function mountReportCell(name, slot, ctx, spec) {
  return mountCell(name, slot, ctx, {
    ...spec,
    setup: (api) => {
      const { root, cell, errors, state, fields } = api;
      const canvas = root.querySelector('canvas');
      const tbody = root.querySelector('tbody');
      const fmt = (x, digits) => formatNumber(x, ctx.lang(), digits);
      Object.assign(cell, { report: null, outcome: null });
      const parts = spec.setup({ ...api, canvas, tbody, ctx, fmt });
      const settings = () => settingsOf(fields, state);
      // The report is computed in a Worker where the page has one: at the largest settings some
      // take seconds (the product of 10,000 matrices of 64 × 64: 1.7 s), a long task here.
      const channel = cellHost(ctx)?.channel(`report:${name}`);
      const compute = () => {
        if (!channel) return computeReport(cell, errors, () => ctx.wasm[spec.engine](settings()));
        const send = () => channel.run('report', { engine: spec.engine, settings: settings() });
        return computeInWorker(cell, api.show, send, (answer) => {
          computeReport(cell, errors, () => {
            if (answer.error) throw answer.error;
            return answer.result;
          });
        });
      };
      return {
        compute,
        draw: () => drawReport(cell, { canvas, errors, ctx }, name, parts.labels),
        pytorch: () => ctx.pytorchFor(name, settings()),
        renderText: () => {
          if (cell.report) parts.renderText(cell.report);
          else for (const text of spec.texts ?? ['summary']) api.out(text).textContent = '';
        },
        syncView: parts.syncView,
      };
    },
  });
}

