// Staged hints: "try first, then reveal". After a live cell, one button reveals the hint's
// stages one press at a time (a nudge, then the explanation); once all are shown it hides them
// again. The revealed stages stay revealed across a language switch. Everything is a real
// <button> and ordinary text, so it works from the keyboard and with a screen reader: the
// button says what the next press does, aria-expanded says whether any stage is shown, and each
// new stage is announced by a polite live region.
//
// Markup (inside a container `[data-hint="id"]` placed by www/notebook.js):
//   <div class="lesson lesson-hint" data-hint data-revealed="N" role="group">: a heading, the
//   "try first" line, the button, and one `[data-stage="k"]` block per stage (hidden until
//   revealed).

import { translate } from '../i18n.js';
import '../strings/lesson.js';

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds the staged hint `hint` (a HINTS entry) inside `box`; returns {relabel(lang, render)}. */
export function mountHint(box, hint) {
  const id = `hint-${hint.id}`;
  box.classList.add('lesson', 'lesson-hint');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', `${id}-title`);
  const title = el('h3', { id: `${id}-title`, class: 'lesson-title' });
  const intro = el('p', { class: 'lesson-prompt' });
  const stagesId = `${id}-stages`;
  const button = el('button', { type: 'button', class: 'lesson-reveal', 'aria-controls': stagesId, 'aria-expanded': 'false', 'data-action': 'hint' });
  const list = el('div', { id: stagesId, class: 'lesson-stages', 'aria-live': 'polite' });
  const stages = hint.stages.map((_, k) => {
    const stage = el('div', { class: 'lesson-stage', 'data-stage': String(k + 1) });
    const label = el('h4', { class: 'lesson-stage-title' });
    const text = el('div', { class: 'lesson-explain' });
    stage.append(label, text);
    stage.hidden = true;
    list.append(stage);
    return { stage, label, text };
  });
  box.replaceChildren(title, intro, button, list);

  let lang = 'en';
  let render = (h) => h;
  let revealed = 0;

  function show() {
    stages.forEach((s, k) => { s.stage.hidden = k >= revealed; });
    box.dataset.revealed = String(revealed);
    button.setAttribute('aria-expanded', String(revealed > 0));
    const t = (key) => translate(lang, key);
    const next = revealed === 0 ? 'lesson.hintShow' : revealed < stages.length ? 'lesson.hintMore' : 'lesson.hintHide';
    button.textContent = t(next);
  }

  button.addEventListener('click', () => {
    revealed = revealed < stages.length ? revealed + 1 : 0;
    show();
  });

  return {
    relabel(nextLang, renderMath) {
      lang = nextLang;
      render = renderMath;
      const t = (key) => translate(lang, key);
      title.textContent = t('lesson.hintHeading');
      intro.textContent = t('lesson.hintTryFirst');
      stages.forEach((s, k) => {
        s.label.textContent = t(k === stages.length - 1 ? 'lesson.hintStage2' : 'lesson.hintStage1');
        // Author-written text from www/content/lesson.js (with math).
        s.text.innerHTML = render(hint.stages[k][lang] ?? hint.stages[k].en);
      });
      show();
    },
  };
}
