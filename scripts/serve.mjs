// A static file server for the notebook: serves the repository root (or --root DIR) on
// localhost. Usage: node scripts/serve.mjs [--port 8080] [--root dist] [--host 127.0.0.1]
// [--prefix /sub/path/] (serve under a sub-path, as a course site or an LMS would).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT || 8080));
const host = arg('host', '127.0.0.1');
const root = resolve(here, arg('root', '.'));
const prefix = `/${arg('prefix', '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

// The strict policy every page of the site must work under (issue: embeddable anywhere). It is
// sent with every response, so the browser tests see each violation.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
].join('; ');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};
// Only what the page needs is served; the rest of the repository (sources, target/) is not.
const TOP = ['index.html', 'sw.js', 'build.txt', 'embed.js', 'embed.html', 'embed-resize.js'];
const under = (rel, dir) => rel.startsWith(`${dir}${sep}`) || rel.startsWith(`${dir}/`);
const allowed = (rel) => TOP.includes(rel) || under(rel, 'www') || under(rel, 'examples');

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      if (`${url.pathname}/` === prefix) {
        res.writeHead(301, { Location: prefix });
        res.end();
        return;
      }
      throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    }
    let rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length))).replace(/^([/\\])+/, '');
    if (rel === '.' || rel === '') rel = '';
    if (rel === '' || rel.endsWith(sep)) rel += 'index.html';
    const file = join(root, rel);
    if (!file.startsWith(root + sep) || !allowed(rel)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': types[extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CSP,
      // Any origin may load the embed script, its modules, the wasm and the fonts (README,
      // "Embedding": the headers a static host must send).
      'Access-Control-Allow-Origin': '*',
    });
    res.end(body);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain' });
    res.end(e.code === 'ENOENT' ? 'not found' : 'server error');
  }
});
server.listen(port, host, () => {
  console.log(`gradscope: serving ${root} at http://${host}:${port}${prefix}`);
});
