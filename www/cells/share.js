// "Share / embed": a dialog that offers, for a cell's current state, the notebook link, the
// iframe code, the <grad-scope> element code and the Python line for Jupyter, each with a copy
// button; check boxes choose which controls are locked or hidden, and the snippets follow them.
// Every snippet is made from the cell's declared fields (their URL keys and defaults).

// The dialog is made on the first press of its button (shell.js `shareButton`), which loads
// this module then: a page that nobody shares from does not download it.

import { PARTS } from '../embed/options.js';
import { applyTranslations } from '../i18n.js';
import { encode } from '../state.js';
import { h } from './controls.js';

/** The fields whose value differs from the declared default, as [name, field, encoded value]. */
function changed(fields, state) {
  return Object.entries(fields)
    .filter(([name, f]) => f.role === 'setting' && encode(f, state[name]) !== encode(f, f.def))
    .map(([name, f]) => [name, f, encode(f, state[name])]);
}

const attr = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A Python literal for a field's value. */
function python(field, value) {
  if (field.type === 'bool') return value ? 'True' : 'False';
  if (field.type === 'enum') return JSON.stringify(value);
  if (field.type === 'list') return `[${value.join(', ')}]`;
  return String(value);
}

/**
 * The four snippets for cell `cell` (`{name, prefix, fields, state}`) with `lock` and `hide` (arrays
 * of names), `lang` and `theme` ('' for the reader's own), served from `siteUrl` (ending in '/'),
 * and `pageHash` (the notebook's full hash, for the link). Returns {link, iframe, element, python}.
 */
export function snippets({ cell, siteUrl, pageHash, lock = [], hide = [], lang = '', theme = '' }) {
  const { name, prefix, fields, state } = cell;
  const values = changed(fields, state);
  const extra = [['lock', lock.join(',')], ['hide', hide.join(',')], ['lang', lang], ['theme', theme]].filter(([, v]) => v);

  const params = new URLSearchParams([['cell', name]]);
  for (const [, f, v] of values) params.set(prefix ? `${prefix}.${f.key}` : f.key, v);
  for (const [k, v] of extra) params.set(k, v);
  const hash = params.toString().replace(/%2C/gi, ',');
  const title = `gradscope: ${name}`;
  const iframe = [
    `<iframe src="${attr(`${siteUrl}embed.html#${hash}`)}" title="${attr(title)}"`,
    `        width="100%" height="640" style="border:0" loading="lazy" allow="fullscreen; clipboard-write"></iframe>`,
    `<script src="${attr(`${siteUrl}embed-resize.js`)}" defer></script>`,
  ].join('\n');

  const attrs = [`cell="${attr(name)}"`, ...values.map(([n, , v]) => `${n}="${attr(v)}"`), ...extra.map(([k, v]) => `${k}="${attr(v)}"`)];
  const element = `<script type="module" src="${attr(`${siteUrl}embed.js`)}"></script>\n<grad-scope ${attrs.join(' ')}></grad-scope>`;

  const args = [`cell=${JSON.stringify(name)}`, ...values.map(([n, f]) => `${n}=${python(f, state[n])}`)];
  if (lock.length) args.push(`lock=${JSON.stringify(lock)}`);
  if (hide.length) args.push(`hide=${JSON.stringify(hide)}`);
  if (lang) args.push(`lang=${JSON.stringify(lang)}`);
  if (theme) args.push(`theme=${JSON.stringify(theme)}`);
  const py = `import gradscope\ngradscope.Widget(${args.join(', ')})`;

  return { link: `${siteUrl}${pageHash}`, iframe, element, python: py };
}

/** Copies `text` to the clipboard, or selects `field` for a manual copy if that is refused. */
async function copy(text, field, status, t) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = t.translate('share.copied');
  } catch {
    field.focus();
    field.select();
    status.textContent = t.translate('pytorch.selected');
  }
}

/**
 * Adds the "Share / embed" dialog to a mounted cell, in the page's language. `info` = {name,
 * prefix, fields, state, label(field) → i18n key}; `ctx` gives {t, siteUrl, store, lang(),
 * theme?()}. Returns {dialog, update(), open()}: `open` fills the snippets for the cell's state
 * now and shows the dialog.
 */
export function shareDialog(root, ctx, info) {
  const { t } = ctx;
  const ids = `share-${info.name}`;
  const dialog = h('dialog', { class: 'share-dialog', 'aria-labelledby': `${ids}-title` });
  const names = Object.keys(info.fields).filter((f) => info.fields[f].role === 'setting');
  const row = (kind, value, labelKey) =>
    h('label', {}, [h('input', { type: 'checkbox', 'data-share': kind, value }), ' ', h('span', { 'data-i18n': labelKey })]);
  const lockSet = h('fieldset', { class: 'share-choices' }, [
    h('legend', { 'data-i18n': 'share.lock' }),
    ...names.map((f) => row('lock', f, info.label(f))),
  ]);
  const hideSet = h('fieldset', { class: 'share-choices' }, [
    h('legend', { 'data-i18n': 'share.hide' }),
    ...names.map((f) => row('hide', f, info.label(f))),
    ...PARTS.map((p) => row('hide', p, `share.part.${p}`)),
  ]);
  const status = h('p', { class: 'share-status', role: 'status' });
  const outputs = {};
  const snippetBlocks = ['link', 'iframe', 'element', 'python'].map((kind) => {
    const id = `${ids}-${kind}`;
    const field = h('textarea', { id, readonly: true, rows: kind === 'link' ? 2 : 4, spellcheck: 'false', 'data-snippet': kind });
    outputs[kind] = field;
    const copyButton = h('button', { type: 'button', 'data-copy': kind, 'data-i18n': 'share.copy' });
    copyButton.addEventListener('click', () => copy(field.value, field, status, t));
    return h('div', { class: 'share-snippet' }, [h('label', { for: id, 'data-i18n': `share.${kind}` }), field, copyButton]);
  });
  const close = h('button', { type: 'button', class: 'share-close', 'data-i18n': 'share.close' });
  dialog.append(
    h('h4', { id: `${ids}-title`, 'data-i18n': 'share.title' }),
    h('div', { class: 'share-grid' }, [lockSet, hideSet]),
    ...snippetBlocks,
    status,
    close,
  );

  const ticked = (kind) => [...dialog.querySelectorAll(`input[data-share="${kind}"]:checked`)].map((i) => i.value);
  function update() {
    const s = snippets({
      cell: info,
      siteUrl: ctx.siteUrl,
      pageHash: ctx.store.hash(),
      lock: ticked('lock'),
      hide: ticked('hide'),
      // The reader's language decides (the host page's, then the browser's), unless an element
      // was given one; the theme likewise.
      lang: ctx.embed ? (ctx.fixedLang?.() ?? '') : '',
      theme: ctx.theme?.() ?? '',
    });
    for (const [kind, field] of Object.entries(outputs)) field.value = s[kind];
  }
  dialog.addEventListener('change', update);
  close.addEventListener('click', () => dialog.close());
  root.append(dialog);
  applyTranslations(dialog, ctx.lang());
  const open = () => {
    status.textContent = '';
    update();
    dialog.showModal();
  };
  return { dialog, update, open };
}
