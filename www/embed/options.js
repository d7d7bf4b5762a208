// The element's options that are not fields, in a module of their own so that tools without a
// DOM (the Jupyter package's build) can read them.
import { THEME_FIELD, THEMES as THEME_CHOICES } from '../theme.js';

/** The themes an element sets (theme.js declares them, with auto); with auto or none, the
 * reader's `prefers-color-scheme` decides. */
export const THEMES = THEME_CHOICES.filter((theme) => theme !== THEME_FIELD.def);

/** The parts of a cell that `hide` removes from view besides its fields, and where each is in a
 * mounted cell. */
export const PART_SELECTORS = {
  table: '[data-action="table"], [data-out="table-wrap"]',
  pytorch: '[data-out="pytorch"]',
  verdict: '[data-out="verdict"]',
  export: '[data-part="export"]',
  share: '[data-part="share"]',
};

/** The names of those parts. */
export const PARTS = Object.keys(PART_SELECTORS);
