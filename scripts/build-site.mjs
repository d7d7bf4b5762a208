// Writes dist/: a static site (index.html + www/) that works from any static server under any
// sub-path, since every URL in it is relative.
import { cpSync, existsSync, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
for (const need of ['www/pkg/gradscope_web_bg.wasm', 'www/vendor/katex/katex.mjs']) {
  if (!existsSync(join(root, need))) {
    console.error(`build-site: ${need} is missing; run \`npm run build\``);
    process.exit(1);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(join(root, 'index.html'), join(dist, 'index.html'));
cpSync(join(root, 'www'), join(dist, 'www'), { recursive: true });
let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) walk(p);
    else { files += 1; bytes += s.size; }
  }
};
walk(dist);
console.log(`build-site: dist/ has ${files} files, ${(bytes / 1024).toFixed(0)} KiB; serve it from any path`);
