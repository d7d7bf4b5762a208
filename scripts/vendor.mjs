// Copies the self-hosted third-party assets the page uses from node_modules to www/vendor/
// (ignored by git): KaTeX (math) and the Be Vietnam Pro font (full Vietnamese coverage).
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const nm = join(root, 'node_modules');
const out = join(root, 'www', 'vendor');
if (!existsSync(join(nm, 'katex')) || !existsSync(join(nm, '@fontsource', 'be-vietnam-pro'))) {
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
console.log('vendor: www/vendor/ ready (KaTeX, Be Vietnam Pro)');
