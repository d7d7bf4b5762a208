// The lesson layer of the notebook: predictions before the live cells, staged hints after the
// exercises' cells, a self-check quiz at the end of every section, and "show me" links in the
// text. www/notebook.js places the empty containers ([data-predict], [data-hint], [data-quiz])
// and calls mountLesson once, relabelLesson on every language switch. The declarations are in www/content/lesson.js.

import { HINTS, PREDICTIONS, QUIZZES } from '../content/lesson.js';
import { mountHint } from './hint.js';
import { mountPrediction } from './predict.js';
import { mountQuiz } from './quiz.js';
import { installShowMe } from './showme.js';

export { HINTS, PREDICTIONS, QUIZZES };

const mounted = new WeakMap(); // root → [{box, part: {relabel}}]

/** The predictions to place before the cell slot `cell` of section `sectionId`. */
export const predictionsBefore = (sectionId, cell) =>
  PREDICTIONS.filter((p) => p.section === sectionId && p.before === cell);

/** The staged hints to place after the cell slot `cell` of section `sectionId`. */
export const hintsAfter = (sectionId, cell) =>
  HINTS.filter((h) => h.section === sectionId && h.after === cell);

/** The quiz that ends section `sectionId`, if any. */
export const quizOf = (sectionId) => QUIZZES.find((q) => q.section === sectionId);

/** Builds every lesson container under `root` and the show-me handler (once per root). */
export function mountLesson(root) {
  if (mounted.has(root)) return;
  const parts = [];
  for (const box of root.querySelectorAll('[data-predict]')) {
    const p = PREDICTIONS.find((x) => x.id === box.dataset.predict);
    if (p) parts.push({ box, part: mountPrediction(box, p) });
  }
  for (const box of root.querySelectorAll('[data-hint]')) {
    const h = HINTS.find((x) => x.id === box.dataset.hint);
    if (h) parts.push({ box, part: mountHint(box, h) });
  }
  for (const box of root.querySelectorAll('[data-quiz]')) {
    const q = quizOf(box.dataset.quiz);
    if (q) parts.push({ box, part: mountQuiz(box, q) });
  }
  installShowMe(root);
  mounted.set(root, parts);
}

/** Fills (or refills) every lesson text under `root` in `lang` (only those whose box `accept`
 * accepts, if given); `render` turns TeX into HTML. */
export function relabelLesson(root, lang, render, accept = null) {
  for (const { box, part } of mounted.get(root) ?? []) {
    if (!accept || accept(box)) part.relabel(lang, render);
  }
}
