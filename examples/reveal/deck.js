// The deck's start-up, in its own file: the strict policy (script-src 'self') runs no inline
// script. reveal.js is self-hosted (scripts/vendor.mjs copies it from node_modules to
// www/vendor/reveal/); the <grad-scope> elements come from ../../embed.js.
import Reveal from '../../www/vendor/reveal/reveal.mjs';

Reveal.initialize({
  hash: true,
  // A 16:9 slide; reveal scales it to the window with a CSS transform, which the widgets'
  // sliders and charts must survive.
  width: 1600,
  height: 900,
  margin: 0.04,
  transition: 'slide',
}).then(() => {
  // A widget grows when it has computed (and when its table opens): reveal centres a slide's
  // content only when it lays the deck out, so it lays it out again then.
  const relayout = new ResizeObserver(() => Reveal.layout());
  for (const el of document.querySelectorAll('grad-scope')) relayout.observe(el);
});
// For scripts and tests, as reveal's classic build does.
window.Reveal = Reveal;
