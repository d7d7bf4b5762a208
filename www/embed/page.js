// embed.html: shows one cell, configured by the hash exactly as the element is by its attributes
// (`#cell=product&prod.steps=60&lock=steps&hide=table&lang=vi&theme=projector`), and tells the
// page around it its height on every change ({type: 'gradscope:resize', height}; the host's
// embed-resize.js sets the iframe's height from it). Without a host script the iframe keeps its
// own fixed height and scrolls, as in an LMS that strips scripts.
import { applyTranslations, translate } from '../i18n.js';
import { registerOffline } from '../offline.js';
import { OPTIONS } from './element.js';

const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
// Without a lang parameter, the reader's browser decides (this page's own lang is only a default).
if (!params.has('lang')) {
  const nav = (navigator.languages ?? []).map((l) => l.slice(0, 2).toLowerCase()).find((l) => l === 'en' || l === 'vi');
  document.documentElement.lang = nav ?? 'en';
}
const el = document.createElement('grad-scope');
// The cell is this page's content: its heading is the page's h1 (a `heading` in the hash may say
// otherwise).
el.setAttribute('heading', '1');
for (const [name, value] of params) {
  try {
    el.setAttribute(name, value);
  } catch {
    // Not a possible attribute name: nothing in the cell is called that.
  }
}
document.getElementById('embed').append(el);
document.documentElement.lang = el.language();
applyTranslations(document.body, el.language());
document.title = `gradscope: ${translate(el.language(), 'page.title')}`;

// Full screen where the iframe may go full screen; else a link that opens the same cell in a tab.
const full = document.getElementById('embed-fullscreen');
const tab = document.getElementById('embed-newtab');
if (document.fullscreenEnabled) {
  full.hidden = false;
  full.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => {});
  });
} else if (window.parent !== window) {
  tab.href = window.location.href;
  tab.hidden = false;
}

// The height, posted to the parent whenever the content's size changes.
if (window.parent !== window) {
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'gradscope:resize', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  el.addEventListener('change', post);
  el.addEventListener('ready', post);
}
window.gradscopeEmbed = el;
// A hash key that is neither an option nor a field of the cell (a typo, or another cell's key)
// is said, not silently dropped; a rebuild clears the element's notes, so this runs on each.
el.addEventListener('ready', () => {
  for (const name of new Set(params.keys())) {
    if (!OPTIONS.includes(name) && !el.fieldOf(name)) el.note('embed.unknownKey', { value: name });
  }
});
// In a built site, the service worker: after this one visit the cell works offline.
el.addEventListener('ready', () => registerOffline(), { once: true });
// The page's main landmark is named by its cell's heading, so that two embeds on one host page
// (each an iframe with its own <main>) are told apart.
el.addEventListener('ready', () => {
  const heading = el.shadowRoot.querySelector('h1, h2, h3, h4, h5, h6')?.textContent.trim();
  if (heading) document.getElementById('embed').setAttribute('aria-label', heading);
});
