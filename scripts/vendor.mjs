// Copies the self-hosted third-party assets the page uses from node_modules to www/vendor/
// (ignored by git): KaTeX (math), the Be Vietnam Pro font (full Vietnamese coverage) and, for the
// example slide deck (examples/reveal/), reveal.js.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const nm = join(root, 'node_modules');
const out = join(root, 'www', 'vendor');
if (!['katex', '@fontsource/be-vietnam-pro', 'reveal.js'].every((p) => existsSync(join(nm, p)))) {
  console.error('vendor: node_modules is missing; run `bash scripts/setup.sh` first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copy = (from, to) => cpSync(join(nm, from), join(out, to), { recursive: true });
copy('katex/dist/katex.min.css', 'katex/katex.min.css');
copy('katex/dist/katex.mjs', 'katex/katex.mjs');
copy('katex/dist/fonts', 'katex/fonts');
const font = '@fontsource/be-vietnam-pro';
for (const weight of ['400', '600', '700']) copy(`${font}/${weight}.css`, `be-vietnam-pro/${weight}.css`);
// Only the files the three CSS files name (normal style, woff2 and woff fallbacks).
cpSync(join(nm, font, 'files'), join(out, 'be-vietnam-pro', 'files'), {
  recursive: true,
  filter: (src) => !/\.(woff2?)$/.test(src) || /-(400|600|700)-normal\.woff2?$/.test(src),
});
// reveal.js for examples/reveal/: the ES module, its base style and one theme. The serif theme
// is the light one that fetches no font (the others load Google Fonts or embed data: fonts,
// which the strict policy's font-src 'self' refuses); the deck sets its own font.
copy('reveal.js/dist/reveal.mjs', 'reveal/reveal.mjs');
copy('reveal.js/dist/reveal.css', 'reveal/reveal.css');
copy('reveal.js/dist/theme/serif.css', 'reveal/theme/serif.css');
copy('reveal.js/LICENSE', 'reveal/LICENSE');
console.log('vendor: www/vendor/ ready (KaTeX, Be Vietnam Pro, reveal.js)');
