// The notebook text preview's script (a file, not inline, so that the page runs under the
// site's strict Content-Security-Policy).
import katex from '../vendor/katex/katex.mjs';
import { renderNotebook, relabelNotebook } from '../notebook.js';
const main = document.getElementById('notebook');
let lang = new URLSearchParams(location.search).get('lang') === 'vi' ? 'vi' : 'en';
const press = () => {
  document.documentElement.lang = lang;
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
};
const { slots } = renderNotebook(main, { lang, katex });
// Stand-ins for the live cells, so that the layout can be judged.
for (const [name, slot] of Object.entries(slots)) {
  const s = document.createElement('section');
  s.className = 'cell live placeholder';
  s.textContent = `[live cell: ${name}]`;
  slot.append(s);
}
press();
for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => { lang = b.dataset.lang; relabelNotebook(main, lang, katex); press(); });
}
window.notebookReady = true;
