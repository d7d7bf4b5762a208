// gradscope's service worker: after one visit the notebook (and every other page of the site)
// works offline. scripts/build-site.mjs writes it to dist/sw.js with VERSION (a hash of every
// file of the build) and FILES (every file, relative to the site's root) filled in, so a new
// build is a new service worker: the browser installs it on the next visit, it takes over at
// once and deletes the old build's cache. Its scope is the folder it is served from, so a site
// under /courses/dl/gradscope/ caches and answers only that sub-path.

const VERSION = __VERSION__;
const FILES = __FILES__;
const CACHE = `gradscope-${VERSION}`;
const scope = new URL(self.registration.scope);
const urls = FILES.map((f) => new URL(f, scope).href);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: straight from the network, not from the HTTP cache of the previous build.
      .then((cache) => cache.addAll(urls.map((u) => new Request(u, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gradscope-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // The hash carries the state and never reaches the server; the query may (?lang=vi).
  const key = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    // Pages: the network first (a deployed build shows at once), the cached copy offline.
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        const page = key.endsWith('/') ? `${key}index.html` : key;
        return (await cache.match(page)) || (await cache.match(new URL('index.html', scope).href)) || Response.error();
      }),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) || fetch(request)),
  );
});
