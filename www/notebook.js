// Renders the notebook's text (www/content/sections.js) into the page: a table of contents, then
// one <section> per part of the chapter, with prose cells (math rendered by the self-hosted KaTeX)
// and empty slots where the live cells are mounted.
//
//   import katex from './vendor/katex/katex.mjs';
//   renderNotebook(document.getElementById('notebook'), { lang, katex });
//   // a live cell goes into  document.querySelector('.cell-slot[data-cell="gradients"]')
//   relabelNotebook(container, 'vi', katex);   // texts only; slots and their contents stay
//
// The texts a student reads come from SECTIONS and from i18n.js (toc.*); nothing here is English.

import { SECTIONS } from './content/sections.js';
import { translate } from './i18n.js';
import { hintsAfter, mountLesson, predictionsBefore, PREDICTIONS, quizOf, relabelLesson } from './lesson/index.js';

const MATH = /\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

/**
 * Replaces every \( … \) and \[ … \] in an HTML string by KaTeX's markup. The TeX is taken from
 * the source string before the browser parses it, so `&`, `<` and `\\` inside math are safe.
 */
export function renderMath(html, katex) {
  if (!katex) return html;
  return html.replace(MATH, (whole, display, inline) => {
    const tex = display ?? inline;
    try {
      return katex.renderToString(tex, {
        displayMode: display !== undefined,
        throwOnError: false,
        strict: 'ignore',
        output: 'htmlAndMathml',
      });
    } catch {
      // throwOnError: false already turns parse errors into .katex-error spans; this is for
      // anything else (a KaTeX build that throws anyway): show the source, marked as an error.
      const span = tex.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return `<span class="katex-error" title="KaTeX">${span}</span>`;
    }
  });
}

const pick = (texts, lang) => texts[lang] ?? texts.en;
const sectionTitle = (s, i, lang) => `${i + 1}. ${pick(s.title, lang)}`;

/** The element every render of this module creates inside `container`. */
function rootOf(container) {
  return container.querySelector(':scope > .nb');
}

function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** The sections of a rendered notebook whose texts are still to be filled (renderNotebook's
 * `defer`), by notebook root. */
const dueSections = new WeakMap();

/**
 * Renders SECTIONS into `container` (appended after whatever it already holds, which is left
 * alone; a previous render is replaced). Returns { root, slots, rest }, slots mapping each cell
 * name to its empty <div class="cell-slot">.
 *
 * With `defer`, only the table of contents, the titles and what comes before the first cell (the
 * main widget) get their text now (typesetting every formula of the notebook takes a few hundred
 * milliseconds, which the first plot would wait for); `rest()` fills the rest, a section per
 * task, and resolves when it is all filled. A language switch meanwhile (relabelNotebook) fills them all at once. Without
 * `defer`, every text is filled now and `rest()` resolves at once.
 */
export function renderNotebook(container, { lang = 'en', katex, defer = false } = {}) {
  rootOf(container)?.remove();
  container.classList.add('nb-host');
  const root = el('div', { class: 'nb' });

  // Table of contents: a <details> so that phones can fold it away; open on wide screens.
  const nav = el('nav', { id: 'toc', class: 'toc', 'aria-labelledby': 'toc-title' });
  const details = el('details', { class: 'toc-details' });
  const narrow = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 899px)').matches;
  details.open = !narrow;
  const summary = el('summary', { id: 'toc-title', 'data-nb': 'toc-title' });
  const list = el('ol', { class: 'toc-list' });
  SECTIONS.forEach((s, i) => {
    const a = el('a', { href: `#${s.id}`, 'data-nb': `toc:${i}` });
    list.append(el('li', {}, [a]));
  });
  details.append(summary, list);
  nav.append(details);
  root.append(nav);

  const body = el('div', { class: 'nb-sections' });
  const slots = {};
  SECTIONS.forEach((s, i) => {
    const section = el('section', { id: s.id, class: 'nb-section', 'aria-labelledby': `h-${s.id}` });
    section.append(el('h2', { id: `h-${s.id}`, class: 'nb-title', 'data-nb': `title:${i}` }));
    s.blocks.forEach((b, j) => {
      if (b.cell) {
        // The lesson's predictions come before the cell that answers them.
        for (const p of predictionsBefore(s.id, b.cell)) section.append(el('div', { 'data-predict': p.id }));
        const slot = el('div', { class: 'cell-slot', 'data-cell': b.cell, id: `slot-${b.cell}` });
        slots[b.cell] = slot;
        section.append(slot);
        // Staged hints come after the cell the student tries first.
        for (const h of hintsAfter(s.id, b.cell)) section.append(el('div', { 'data-hint': h.id }));
      } else {
        section.append(el('div', { class: 'cell prose-cell', 'data-nb': `prose:${i}:${j}` }));
      }
    });
    // A prediction whose cell is not in this section still gets a place; then the quiz.
    const cells = new Set(s.blocks.map((b) => b.cell).filter(Boolean));
    for (const p of PREDICTIONS.filter((x) => x.section === s.id && !cells.has(x.before))) {
      section.append(el('div', { 'data-predict': p.id }));
    }
    if (quizOf(s.id)) section.append(el('div', { 'data-quiz': s.id }));
    body.append(section);
  });
  root.append(body);
  container.append(root);
  mountLesson(root);
  const sections = [...body.children];
  if (!defer) {
    fillTexts(root, lang, katex);
    return { root, slots, rest: () => Promise.resolve() };
  }
  // The titles and what is above the first cell now; the rest, section by section, is due.
  const first = body.querySelector('.cell-slot');
  const above = (node) => Boolean(first && node.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  const due = new Set(sections);
  dueSections.set(root, due);
  fillTexts(root, lang, katex, above);
  const rest = () => new Promise((done) => {
    const next = () => {
      const [section] = due;
      if (!section) {
        done();
        return;
      }
      due.delete(section);
      fillTexts(root, root.getAttribute('lang'), katex, (node) => section.contains(node) && !above(node));
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  });
  return { root, slots, rest };
}

/**
 * A display formula wider than its column scrolls sideways in its own box (notebook.css): while
 * it does, it takes focus, so that a keyboard can scroll it too (and axe's
 * scrollable-region-focusable holds in every theme and at every width).
 */
function checkScrolling(boxes) {
  // Every width is read before any attribute changes: a read after a change would lay the whole
  // notebook out again.
  const wide = boxes.map((box) => box.scrollWidth > box.clientWidth);
  boxes.forEach((box, i) => (wide[i] ? box.setAttribute('tabindex', '0') : box.removeAttribute('tabindex')));
}
const scrollers = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
  checkScrolling(entries.map((e) => e.target));
});
// A formula's width changes without its box resizing when its fonts arrive. The check waits for
// the next frame, which lays the page out for the new font anyway (checking at once cost two
// layouts of 15–25 ms, measured, when a cell below the fold first drew in a new font).
if (typeof document !== 'undefined') {
  let due = false;
  document.fonts?.addEventListener('loadingdone', () => {
    if (due) return;
    due = true;
    requestAnimationFrame(() => {
      due = false;
      checkScrolling([...document.querySelectorAll('.nb .katex-display')]);
    });
  });
}
function watchScrolling(node) {
  for (const box of node.querySelectorAll('.katex-display')) scrollers?.observe(box);
}

/** Fills (or refills) the texts of a rendered notebook in `lang`: the contents and the titles,
 * and the prose and lesson texts that `accept` accepts (all of them without it); the slots are
 * not touched. */
function fillTexts(root, lang, katex, accept = null) {
  root.setAttribute('lang', lang);
  for (const node of root.querySelectorAll('[data-nb]')) {
    if (accept && node.dataset.nb.startsWith('prose:') && !accept(node)) continue;
    const [kind, a, b] = node.dataset.nb.split(':');
    if (kind === 'toc-title') {
      node.textContent = translate(lang, 'toc.title');
      node.closest('nav')?.setAttribute('aria-label', translate(lang, 'toc.label'));
    } else if (kind === 'toc') {
      node.textContent = sectionTitle(SECTIONS[a], Number(a), lang);
    } else if (kind === 'title') {
      node.textContent = sectionTitle(SECTIONS[a], Number(a), lang);
    } else if (kind === 'prose') {
      const block = SECTIONS[a].blocks[b];
      // Hints the student opened stay open across a language switch.
      const open = [...node.querySelectorAll('details')].map((d) => d.open);
      // Authored text only (content/sections.js): nothing from the URL, a control or an
      // attribute reaches this markup.
      node.innerHTML = renderMath(pick(block.prose, lang), katex);
      watchScrolling(node);
      node.querySelectorAll('details').forEach((d, k) => { if (open[k]) d.open = true; });
    }
  }
  relabelLesson(root, lang, (html) => renderMath(html, katex), accept);
}

/**
 * Switches the notebook's texts to `lang` without recreating anything else: the cell slots, and
 * the live cells mounted in them, keep their identity and state.
 */
export function relabelNotebook(container, lang, katex) {
  const root = rootOf(container);
  if (!root) return;
  dueSections.get(root)?.clear(); // every section is filled now, in `lang`
  fillTexts(root, lang, katex);
}
