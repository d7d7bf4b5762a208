// The hostile values every URL key and every element attribute is given (tests/hostile-input.spec.js,
// tests/embed-hostile.spec.js), and the check that a value held for a declared field is valid.

export const HOSTILE = [
  '', '   ', 'NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '99999999999999999999999',
  '٣٤', '１２', '<img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1',
  '"><script>window.__pwned=1</script>', '"><b id=inj>', '%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E', '1,2,3', '-1e-320',
];

/** A 100 kB string. */
export const LONG = 'x'.repeat(100_000);

/**
 * Whether `v` is a valid value of the declared field `f` (the JSON of `schema()`): a finite number
 * in range (whole for an int), one of the choices, a bool, or a list of whole numbers in range of
 * an allowed length. Self-contained: the browser tests pass its source into the page.
 */
export function validState(f, v) {
  const numeric = f.type === 'int' || f.type === 'float';
  return (
    (numeric && Number.isFinite(v) && v >= f.min && v <= f.max && (f.type === 'float' || Number.isInteger(v))) ||
    (f.type === 'enum' && f.choices.includes(v)) ||
    (f.type === 'bool' && typeof v === 'boolean') ||
    (f.type === 'list' && Array.isArray(v) && v.length >= f.min_len && v.length <= f.max_len && v.every((x) => Number.isInteger(x) && x >= f.min && x <= f.max))
  );
}
