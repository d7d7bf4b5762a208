// gradscope's iframe resizer (MIT). A host page that includes this script lets every gradscope
// iframe (embed.html) take the height of its content: the iframe posts
// {type: 'gradscope:resize', height} on every change, and this sets the height of the iframe
// whose window sent it, and only if the message comes from the origin of that iframe's src.
(() => {
  if (window.gradscopeResize) return;
  window.gradscopeResize = true;
  const MAX = 100000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'gradscope:resize') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > MAX) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  });
})();
