// Builds the Jupyter package (python/): its generated files, then its wheel in dist/python/.
//
//   python/src/gradscope/static/schema.json   the engine's declaration (wasm `schema()`, the same
//                                             JSON as `gradscope schema --format json`)
//   python/src/gradscope/static/options.json  the element's options besides fields
//   python/src/gradscope/static/widget.js     the widget's front end as one ES module: the
//                                             <grad-scope> element with the wasm, the style sheet
//                                             and the font inlined (anywidget loads it from a
//                                             blob: URL, where nothing beside it can be fetched)
//   dist/python/gradscope-*.whl               built with the venv's hatchling (scripts/setup.sh --python)
//
// Needs www/pkg (npm run build:wasm) and www/vendor (node scripts/vendor.mjs). `--no-wheel`
// writes only the generated files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = join(root, 'www', 'pkg');
const fonts = join(root, 'www', 'vendor', 'be-vietnam-pro');
const staticDir = join(root, 'python', 'src', 'gradscope', 'static');
for (const [path, how] of [
  [join(pkg, 'gradscope_web_bg.wasm'), 'npm run build:wasm'],
  [fonts, 'node scripts/vendor.mjs'],
]) {
  if (!existsSync(path)) {
    console.error(`build-python: ${path} is missing; run \`${how}\` first`);
    process.exit(1);
  }
}
mkdirSync(staticDir, { recursive: true });

// 1. The declaration, from the wasm itself.
const wasmBytes = readFileSync(join(pkg, 'gradscope_web_bg.wasm'));
const wasm = await import(pathToFileURL(join(pkg, 'gradscope_web.js')).href);
wasm.initSync({ module: wasmBytes });
writeFileSync(join(staticDir, 'schema.json'), `${JSON.stringify(wasm.schema(), null, 2)}\n`);

// 2. The element's options (modules without a DOM).
const { LANGS } = await import(pathToFileURL(join(root, 'www', 'i18n.js')).href);
const { PARTS, THEMES } = await import(pathToFileURL(join(root, 'www', 'embed', 'options.js')).href);
writeFileSync(join(staticDir, 'options.json'), `${JSON.stringify({ parts: PARTS, langs: LANGS, themes: THEMES }, null, 2)}\n`);

// 3. The front end, one module. The font's @font-face rules (the weights the element loads)
// with their woff2 files as data: URLs.
const fontCss = ['400', '600']
  .map((weight) =>
    readFileSync(join(fonts, `${weight}.css`), 'utf8').replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)[^;]*;/g, (_, file) => {
      const data = readFileSync(join(fonts, 'files', file)).toString('base64');
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    }),
  )
  .join('\n');
// The engine's Worker as one module's text (worker.js with the full build's glue bundled in; the
// main widget's own build stays an import that the widget never makes), which the element starts
// from a blob: URL: a module imported from a blob: URL has nothing beside it to start a Worker from.
const workerBundle = await esbuild.build({
  entryPoints: [join(root, 'www', 'engine', 'worker.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  external: ['../pkg-widget/gradscope_web.js'],
  logLevel: 'warning',
});
const workerSource = workerBundle.outputFiles[0].text;
const texts = { 'font-css': fontCss, 'worker-source': workerSource };
const virtual = {
  name: 'gradscope-virtual',
  setup(build) {
    build.onResolve({ filter: /^gradscope:(font-css|worker-source)$/ }, (args) => ({ path: args.path.slice('gradscope:'.length), namespace: 'gradscope' }));
    build.onLoad({ filter: /.*/, namespace: 'gradscope' }, (args) => ({ contents: texts[args.path], loader: 'text' }));
  },
};
const out = join(staticDir, 'widget.js');
await esbuild.build({
  entryPoints: [join(root, 'python', 'js', 'widget.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  loader: { '.wasm': 'binary', '.css': 'text' },
  plugins: [virtual],
  outfile: out,
  logLevel: 'warning',
});
const kb = (p) => `${(readFileSync(p).length / 1024).toFixed(0)} kB`;
console.log(`build-python: ${out.slice(root.length)} (${kb(out)}), schema.json, options.json`);

// 4. The wheel.
if (!process.argv.includes('--no-wheel')) {
  const python = join(root, 'target', 'jupyter-venv', 'bin', 'python');
  if (!existsSync(python)) {
    console.error('build-python: target/jupyter-venv is missing; run `bash scripts/setup.sh --python` first');
    process.exit(1);
  }
  const dist = join(root, 'dist', 'python');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  execFileSync(python, ['-m', 'pip', 'wheel', '--quiet', '--no-deps', '--no-build-isolation', '--wheel-dir', dist, join(root, 'python')], {
    stdio: 'inherit',
  });
  for (const f of readdirSync(dist)) console.log(`build-python: dist/python/${f} (${kb(join(dist, f))})`);
}
