// Offline use: a built site (npm run build) names its service worker in
// <meta name="gradscope-sw" content="sw.js">; the page registers it, scoped to the folder the
// site is served from. The development server has no service worker, so nothing is registered
// there and every reload shows the files as they are.

/** Registers the build's service worker, if the page names one; never throws. */
export function registerOffline(doc = document, nav = navigator) {
  const meta = doc.querySelector('meta[name="gradscope-sw"]');
  if (!meta || !('serviceWorker' in nav)) return null;
  return nav.serviceWorker.register(meta.content).catch(() => null);
}
