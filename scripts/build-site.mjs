// Writes dist/ (or --out DIR): a static site (index.html + www/) that works from any static
// server under any sub-path, since every URL in it is relative; and its service worker, sw.js,
// which precaches every file of the build so that the site works offline after one visit
// (scripts/service-worker.js; its version is a hash of every file, so a new build updates it).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import { buildSync, transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outArg = process.argv.indexOf('--out');
const dist = outArg > 0 ? resolve(root, process.argv[outArg + 1]) : join(root, 'dist');
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
// The embed: the element's script, the self-sizing iframe page and the host's resizer, at the root.
for (const f of ['embed.js', 'embed.html', 'embed-resize.js']) cpSync(join(root, f), join(dist, f));
if (existsSync(join(root, 'examples'))) cpSync(join(root, 'examples'), join(dist, 'examples'), { recursive: true });
// --stamp TEXT records a build label in build.txt (a redeploy with no source change, for tests).
const stampArg = process.argv.indexOf('--stamp');
if (stampArg > 0) writeFileSync(join(dist, 'build.txt'), `${process.argv[stampArg + 1]}\n`);

// The notebook's first plot waits for a chain of modules several imports deep (main.js → the
// main widget's cell → its shell → …); the browser finds each link only once it has parsed the
// one before, while the main thread is busy setting the text. The built page names them all at
// once (`<link rel="modulepreload">`): its module script's static imports, followed through, and
// the dynamic imports marked `/* first-plot */` in the sources (the text's modules, the main
// widget's cell).
const preloaded = preloadFirstPlot(join(dist, 'index.html'));
console.log(`build-site: index.html preloads ${preloaded} modules`);

// The site's own JavaScript and stylesheets minified (the development server sends the sources
// as they are): each ES module on its own, so its relative imports, its `new URL('…',
// import.meta.url)` and every exported name stay as they are. Of the vendored files only KaTeX's ES module, which the
// notebook imports before its first plot, is minified (half its gzipped size); its licence
// comment stays.
const minified = minifyScripts(dist);
console.log(`build-site: minified ${minified.files} scripts and stylesheets, ${(minified.before / 1024).toFixed(0)} KiB to ${(minified.after / 1024).toFixed(0)} KiB`);

// The pages name their service worker; the development server's do not (www/offline.js). A
// first visit to embed.html alone (an iframe in an LMS) installs it as the notebook does.
for (const page of ['index.html', 'embed.html']) {
  const path = join(dist, page);
  writeFileSync(path, readFileSync(path, 'utf8').replace('</head>', '  <meta name="gradscope-sw" content="sw.js">\n</head>'));
}

const list = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) walk(p);
    else list.push({ rel: relative(dist, p).split(sep).join('/'), size: s.size });
  }
};
walk(dist);
const hash = createHash('sha256');
for (const f of list) hash.update(f.rel).update('\0').update(readFileSync(join(dist, f.rel)));
const version = hash.digest('hex').slice(0, 16);
const worker = readFileSync(join(root, 'scripts/service-worker.js'), 'utf8')
  .replace('__VERSION__', JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(['./', ...list.map((f) => f.rel)]));
writeFileSync(join(dist, 'sw.js'), worker);
const files = list.length + 1;
const bytes = list.reduce((a, f) => a + f.size, 0) + worker.length;
console.log(`build-site: ${relative(root, dist) || '.'}/ has ${files} files (service worker ${version}), ${(bytes / 1024).toFixed(0)} KiB; serve it from any path`);

/** Minifies, in place, every .js file of the build but the vendored ones, and KaTeX's module. */
function minifyScripts(dir) {
  const done = { files: 0, before: 0, after: 0 };
  const visit = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (rel === 'examples' || (rel.startsWith('www/vendor/') && statSync(p).isDirectory() && rel !== 'www/vendor/katex')) continue;
      if (statSync(p).isDirectory()) visit(p);
      else if (name.endsWith('.js') || name.endsWith('.css') || rel === 'www/vendor/katex/katex.mjs') {
        const source = readFileSync(p, 'utf8');
        const css = name.endsWith('.css');
        if (css && rel.startsWith('www/vendor/')) continue;
        const { code } = css
          ? transformSync(source, { loader: 'css', minify: true, legalComments: 'inline' })
          : transformSync(source, { loader: 'js', format: 'esm', minify: true, target: 'es2022', legalComments: 'inline' });
        writeFileSync(p, code);
        done.files += 1;
        done.before += Buffer.byteLength(source);
        done.after += Buffer.byteLength(code);
      }
    }
  };
  visit(dir);
  return done;
}

/**
 * Adds a `<link rel="modulepreload">` to `page` for every module its module scripts reach by
 * static imports and by `import(/* first-plot *\/ '…')`, read from the (unminified) sources.
 * Returns how many.
 */
function preloadFirstPlot(page) {
  const html = readFileSync(page, 'utf8');
  const dir = resolve(page, '..');
  const seen = new Set();
  const stack = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => resolve(dir, m[1]));
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    // esbuild resolves the file's static imports (its metafile); the marked dynamic ones are read
    // from its source.
    const { metafile } = buildSync({ entryPoints: [file], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent', external: ['*'] });
    const input = Object.values(metafile.inputs)[0];
    const near = (spec) => resolve(file, '..', spec);
    for (const i of input.imports) if (i.kind === 'import-statement' && i.path.startsWith('.')) stack.push(near(i.path));
    for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*\/\*\s*first-plot\s*\*\/\s*'([^']+)'\s*\)/g)) stack.push(near(m[1]));
  }
  const links = [...seen]
    .map((f) => relative(dir, f).split(sep).join('/'))
    .sort()
    .map((href) => `  <link rel="modulepreload" href="${href}">\n`)
    .join('');
  writeFileSync(page, html.replace('  <script type="module"', `${links}  <script type="module"`));
  return seen.size;
}
