// A static file server for the notebook: serves the repository root (or --root DIR) on
// localhost. Usage: node scripts/serve.mjs [--port 8080] [--root dist] [--host 127.0.0.1]
// [--prefix /sub/path/] (serve under a sub-path, as a course site or an LMS would)
// [--log FILE] (appends one JSON line per response: path, status, encoding, body bytes sent;
// the benchmark counts what a page really downloads from it, scripts/bench/sizes.mjs).
import { createServer } from 'node:http';
import { appendFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
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
const logFile = arg('log', null);
const logSent = (path, status, encoding, bytes) => {
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ path, status, encoding, bytes })}\n`);
};
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
// What a static host compresses (the fonts are already compressed woff2).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);
// Each file's body, gzipped body and validator, read again when its size or mtime changes.
const cache = new Map();
async function load(file, info) {
  const stamp = `${info.size}-${info.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit;
  const body = await readFile(file);
  const entry = {
    stamp,
    body,
    etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
    gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(body) : null,
  };
  cache.set(file, entry);
  return entry;
}
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
    const entry = await load(file, info);
    // Like a production static host: gzip when the browser accepts it, and a validator, so that
    // a second load of the same file (the engine's Worker fetching the wasm the page has already
    // fetched) is a 304 without a body. `no-cache` keeps every edit visible on the next load.
    const gzip = entry.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const common = { 'Cache-Control': 'no-cache', ETag: entry.etag, Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, { ...common, 'Content-Security-Policy': CSP, 'Access-Control-Allow-Origin': '*' });
      res.end();
      logSent(url.pathname, 304, null, 0);
      return;
    }
    const body = gzip ? entry.gzip : entry.body;
    res.writeHead(200, {
      ...common,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': body.length,
      'Content-Type': types[extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': CSP,
      // Any origin may load the embed script, its modules, the wasm and the fonts (README,
      // "Embedding": the headers a static host must send).
      'Access-Control-Allow-Origin': '*',
    });
    res.end(body);
    logSent(url.pathname, 200, gzip ? 'gzip' : null, body.length);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain' });
    res.end(e.code === 'ENOENT' ? 'not found' : 'server error');
  }
});
server.listen(port, host, () => {
  console.log(`gradscope: serving ${root} at http://${host}:${port}${prefix}`);
});
