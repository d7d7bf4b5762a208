// The element's options that are not fields, in a module of their own so that tools without a
// DOM (the Jupyter package's build) can read them.
import { THEME_FIELD, THEMES as THEME_CHOICES } from '../theme.js';

/** The themes an element sets (theme.js declares them, with auto); with auto or none, the
 * reader's `prefers-color-scheme` decides. */
export const THEMES = THEME_CHOICES.filter((theme) => theme !== THEME_FIELD.def);
