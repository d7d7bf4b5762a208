// Self-check quizzes: a few questions at the end of each section, each a fieldset of real radio
// buttons. Answering shows whether the choice was right in a polite live region, and the
// explanation of every option. The answers are kept in localStorage (no server); when storage is
// blocked the quiz still works, it just forgets on reload.

import { translate } from '../i18n.js';
import '../strings/lesson.js';

export const STORAGE_KEY = 'gradscope.lesson.quiz';

/** The saved answers, {questionId: optionId}; {} when storage is blocked or holds junk. */
export function loadAnswers(storage = safeStorage()) {
  try {
    const parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function saveAnswers(answers, storage = safeStorage()) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch { /* blocked or full storage: keep the answers for this visit only */ }
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The answers of this visit, shared by every quiz on the page (loaded once). */
let answers = null;

/** Builds the quiz `quiz` (a QUIZZES entry) inside `box`; returns {relabel(lang, render)}. */
export function mountQuiz(box, quiz) {
  answers ??= loadAnswers();
  const id = `quiz-${quiz.section}`;
  box.classList.add('lesson', 'lesson-quiz');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', `${id}-title`);
  const title = el('h3', { id: `${id}-title`, class: 'lesson-title' });
  const progress = el('p', { class: 'lesson-progress', 'data-out': 'progress' });
  const reset = el('button', { type: 'button', class: 'lesson-reset', 'data-action': 'reset' });
  box.replaceChildren(title, progress);

  let lang = 'en';
  let render = (h) => h;
  const questions = quiz.questions.map((q, n) => {
    const qid = `${id}-${q.id}`;
    const fs = el('fieldset', { class: 'quiz-question', 'data-question': q.id });
    const legend = el('legend', { class: 'quiz-prompt' });
    fs.append(legend);
    const options = q.options.map((o) => {
      const oid = `${qid}-${o.id}`;
      const row = el('div', { class: 'quiz-option' });
      const radio = el('input', { type: 'radio', name: qid, id: oid, value: o.id });
      const label = el('label', { for: oid });
      row.append(radio, label);
      fs.append(row);
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        answers[q.id] = o.id;
        saveAnswers(answers);
        show(true);
      });
      return { o, radio, label };
    });
    const feedback = el('p', { class: 'quiz-feedback', role: 'status', 'aria-live': 'polite' });
    const why = el('ul', { class: 'quiz-why' });
    why.hidden = true;
    fs.append(feedback, why);
    box.append(fs);

    /** Shows the saved answer of this question; `announce` fills the live region. */
    function show(announce) {
      const chosen = answers[q.id];
      const picked = options.find((x) => x.o.id === chosen);
      for (const x of options) x.radio.checked = x === picked;
      if (!picked) {
        feedback.textContent = '';
        why.hidden = true;
        fs.removeAttribute('data-answered');
        return;
      }
      const t = (key, vars) => translate(lang, key, vars);
      fs.dataset.answered = picked.o.correct ? 'right' : 'wrong';
      const text = `${t(picked.o.correct ? 'lesson.quizRight' : 'lesson.quizWrong')} ${picked.o.why[lang] ?? picked.o.why.en}`;
      // Set even when not announcing, so that a reload shows the result; a live region only
      // speaks changes, and the text is the same as the one announced at the time.
      if (announce || feedback.textContent !== text) feedback.textContent = text;
      why.replaceChildren();
      for (const x of options) {
        const li = el('li', { 'data-option': x.o.id, 'data-correct': String(Boolean(x.o.correct)) });
        const head = el('strong', {}, `${x.o.text[lang] ?? x.o.text.en}: ${t(x.o.correct ? 'lesson.optionRight' : 'lesson.optionWrong')}.`);
        const body = el('span');
        body.innerHTML = ` ${render(x.o.why[lang] ?? x.o.why.en)}`; // author-written text only
        li.append(head, body);
        why.append(li);
      }
      why.hidden = false;
      updateProgress();
    }

    return { q, n, legend, options, show, why };
  });
  box.append(reset);

  function updateProgress() {
    const answered = questions.filter(({ q }) => answers[q.id] !== undefined && q.options.some((o) => o.id === answers[q.id]));
    const correct = answered.filter(({ q }) => q.options.find((o) => o.id === answers[q.id])?.correct);
    progress.textContent = translate(lang, 'lesson.quizProgress', {
      answered: answered.length, total: questions.length, correct: correct.length,
    });
    box.dataset.answered = String(answered.length);
    box.dataset.correct = String(correct.length);
  }

  reset.addEventListener('click', () => {
    for (const { q } of questions) delete answers[q.id];
    saveAnswers(answers);
    for (const x of questions) x.show(false);
    updateProgress();
  });

  return {
    relabel(nextLang, renderMath) {
      lang = nextLang;
      render = renderMath;
      title.textContent = translate(lang, 'lesson.quizHeading');
      reset.textContent = translate(lang, 'lesson.quizReset');
      for (const { q, n, legend, options, show } of questions) {
        legend.textContent = `${n + 1}. ${q.prompt[lang] ?? q.prompt.en}`;
        for (const x of options) x.label.textContent = x.o.text[lang] ?? x.o.text.en;
        show(false);
      }
      updateProgress();
    },
  };
}
