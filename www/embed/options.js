// The element's options that are not fields, in a module of their own so that tools without a
// DOM (the Jupyter package's build) can read them.

/** The themes an element accepts; without one, the reader's `prefers-color-scheme` decides. */
export const THEMES = ['light', 'dark', 'projector'];
