// The "Reproduce in PyTorch" scripts (www/pytorch.js): for every cell and many settings, the
// script is valid Python (python3 -m py_compile), uses no name it never defines, and carries the
// cell's settings. PyTorch itself is not installed here, so the scripts are checked, not run.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from './helpers.js';
import { ACTIVATIONS, INIT_LINES, PYTORCH_CELLS, pytorchFor } from '../www/pytorch.js';

/** The engine's declaration (the CLI prints the same JSON as the wasm schema() export). */
function engineSchema() {
  const cli = 'target/debug/gradscope';
  execFileSync('cargo', ['build', '-q', '-p', 'gradscope-cli'], { stdio: 'inherit' });
  return JSON.parse(execFileSync(cli, ['schema', '--format', 'json'], { encoding: 'utf8' }));
}
const SCHEMA = engineSchema();
const INITS = SCHEMA.cells.gradients.fields.init.choices;

/** The states to try for each cell: defaults, every option, and hostile values. */
const CASES = [
  ['gradients', {}],
  ...INITS.flatMap((init) => ['sigmoid', 'tanh', 'relu', 'identity'].map((activation) => ['gradients', {
    depth: 7, width: 16, batch: 8, activation, init, sigma: 0.37, seed: 42, precision: 'f32',
  }])),
  ['gradients', { depth: NaN, width: 'x"); import os #', sigma: Infinity, activation: 'evil"', init: '__import__', precision: 'f64' }],
  ['vanishing-preset', { depth: 30, activation: 'relu', init: 'normal', sigma: 0.1 }],
  ['default-init', { init: 'mxnet-default', depth: 30, width: 64, batch: 32, seed: 3, precision: 'f64' }],
  ['sigmoid', {}],
  ['product', {}],
  ['product', { steps: 300, size: 4, sigma: 2, seed: 9, precision: 'f32' }],
  ['product', { steps: -5, size: 1e9, sigma: NaN }],
  ['symmetry', {}],
  ['symmetry', { hidden: 2, init: 'constant', value: 0.5, dropout: 0, lr: 0.1, steps: 100, seed: 1 }],
  ['symmetry', { hidden: 16, init: 'normal', sigma: 0.5, dropout: 0.3, lr: 0.05, steps: 50, seed: 2 }],
  ['symmetry', { hidden: 4, init: 'constant', value: -1e-3, dropout: true, lr: 1e-4, steps: 0 }],
  ['xavier', {}],
  ...['normal', 'xavier-normal', 'xavier-uniform'].map((init) => ['xavier', { widths: [32, 256, 16, 128], init, sigma: 0.05, seed: 5 }]),
  ['xavier', { widths: 'nope', init: 'he-normal' }],
  ['xavier', { widths: [32, 64, 16], init: 'normal', sigma: 0.1, activation: 'tanh', seed: 2 }],
  ['default-init', { depth: 12, width: 32, activation: 'tanh' }],
  ['training', {}],
  ['training', { inits: INITS, depth: 6, width: 32, activation: 'tanh', lr: 0.01, steps: 300, seed: 4, lars: false }],
  ['training', { inits: ['normal'], depth: 6, width: 32, activation: 'relu', lr: 0.01, steps: 100, seed: 4, lars: true, batch: 16 }],
  // The training cell's form: one scheme twice with different σ, as {id, init, sigma}.
  ['training', { inits: [{ id: 'n001', init: 'normal', sigma: 0.01 }, { id: 'n1', init: 'normal', sigma: 1 }, { id: 'he', init: 'he-normal', sigma: 1 }], depth: 4, width: 32, activation: 'relu', lr: 0.05, steps: 50, seed: 1 }],
  ['lars', { inits: [{ id: 'normal', init: 'normal', sigma: 1 }], depth: 6, width: 32, activation: 'relu', lr: 0.02, steps: 200, seed: 1, lars: true }],
  ['lars', { inits: ['normal'], depth: 6, width: 32, activation: 'relu', lr: 0.01, steps: 100, seed: 1 }],
  ['spectrum', {}],
  ['spectrum', { size: 12, sigma: 0.3, seed: 77 }],
  ['rescaling', {}],
  ...['sigmoid', 'tanh', 'relu', 'identity'].map((activation) => ['rescaling', { activation, alpha: 0.25, negative: true, layer: 3, width: 8, seed: 4 }]),
  ['rescaling', { alpha: NaN, layer: 'x', width: -1, activation: 'evil"' }],
  ['softmax', {}],
  ['softmax', { value: -2.5, learning_rate: 0.05, steps: 300, classes: 6, per_class: 10, spread: 0.3, seed: 8 }],
  ['softmax', { value: Infinity, steps: 'x"); import os #', classes: 1e9 }],
  ['no-such-cell', {}],
];

// Flow-insensitive check for names used but never bound (a typo, a variable of another cell's
// script). Python's builtins and the names bound anywhere in the script count as defined.
const NAME_CHECK = String.raw`
import ast, builtins, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
bound = set(dir(builtins))
used = {}
for node in ast.walk(tree):
    if isinstance(node, ast.Name):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        else:
            used.setdefault(node.id, node.lineno)
    elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        bound.add(node.name)
    elif isinstance(node, ast.arg):
        bound.add(node.arg)
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for a in node.names:
            bound.add((a.asname or a.name).split(".")[0])
missing = sorted(f"{n} (line {l})" for n, l in used.items() if n not in bound)
print("\n".join(missing))
sys.exit(1 if missing else 0)
`;

let dir;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradscope-pytorch-'));
  writeFileSync(join(dir, 'namecheck.py'), NAME_CHECK);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs py_compile and the name check on `code`; returns '' or the error text. */
function checkPython(code, name) {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, code);
  try {
    execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
    execFileSync('python3', [join(dir, 'namecheck.py'), file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return `${e.stdout || ''}${e.stderr || ''}`.trim() || String(e);
  }
}

test('the scripts translate exactly the initializers and activations the engine declares', () => {
  expect(Object.keys(INIT_LINES).sort()).toEqual([...INITS].sort());
  expect(Object.keys(ACTIVATIONS).sort()).toEqual([...SCHEMA.cells.gradients.fields.activation.choices].sort());
});

test('every cell the notebook places has a PyTorch script', () => {
  for (const cell of ['gradients', 'sigmoid', 'vanishing-preset', 'product', 'symmetry', 'default-init', 'xavier', 'training', 'lars', 'rescaling', 'softmax', 'spectrum']) {
    expect(PYTORCH_CELLS).toContain(cell);
  }
});

test('every generated script is valid Python that defines every name it uses', () => {
  const failures = [];
  CASES.forEach(([cell, state], i) => {
    const code = pytorchFor(cell, state);
    expect(typeof code).toBe('string');
    const err = checkPython(code, `case${i}-${cell}`);
    if (err) failures.push(`${cell} ${JSON.stringify(state)}: ${err.split('\n').slice(-3).join(' | ')}`);
  });
  expect(failures).toEqual([]);
});

test('the checks catch a syntax error and an undefined name (they can fail)', () => {
  const good = pytorchFor('gradients', {});
  expect(checkPython(good, 'control-good')).toBe('');
  expect(checkPython(good.replace('loss.backward()', 'loss.backward('), 'control-syntax')).toMatch(/SyntaxError|never closed|unexpected EOF/);
  expect(checkPython(good.replace('L, n, B =', 'L, n, batch ='), 'control-name')).toMatch(/\bB \(line \d+\)/);
});

test('the scripts carry the cell settings', () => {
  const g = pytorchFor('gradients', { depth: 17, width: 48, batch: 5, activation: 'tanh', init: 'he-uniform', sigma: 1.5, seed: 123, precision: 'f32' });
  expect(g).toContain('L, n, B = 17, 48, 5');
  expect(g).toContain('sigma = 1.5');
  expect(g).toContain('torch.manual_seed(123)');
  expect(g).toContain('dtype = torch.float32');
  expect(g).toContain('phi = torch.tanh');
  expect(g).toContain('math.sqrt(6.0 / fan_in)');
  expect(g).toContain('retain_grad()');
  expect(pytorchFor('gradients', { precision: 'f64', init: 'pytorch-default' })).toContain('kaiming_uniform_(w, a=math.sqrt(5))');
  expect(pytorchFor('gradients', { init: 'mxnet-default' })).toContain('uniform_(w, -0.07, 0.07)');

  const p = pytorchFor('product', { steps: 250, size: 4, sigma: 2, seed: 9, precision: 'f32' });
  expect(p).toContain('steps, n, sigma = 250, 4, 2.0');
  expect(p).toContain('dtype = torch.float32');
  expect(p).toContain('first step with inf or nan');

  const sy = pytorchFor('symmetry', { hidden: 3, init: 'constant', value: 0.25, dropout: 0.2, lr: 0.5, steps: 40, seed: 8 });
  expect(sy).toContain('d, hidden, N = 2, 3, 64');
  expect(sy).toContain('nn.init.constant_(layer.weight, 0.25)');
  expect(sy).toContain('lr, steps, p = 0.5, 40, 0.2');

  const x = pytorchFor('xavier', { widths: [10, 20, 30], init: 'xavier-uniform', sigma: 0.2, seed: 1 });
  expect(x).toContain('widths = [10, 20, 30]');
  expect(x).toContain('xavier_uniform_(w, gain=sigma)');
  expect(x).toContain('sigma = 1.0');
  expect(pytorchFor('xavier', { widths: [10, 20], init: 'normal', sigma: 0.2 })).toContain('sigma = 0.2');

  const t = pytorchFor('training', { inits: ['lecun-normal', 'he-normal'], depth: 6, width: 32, activation: 'relu', lr: 0.01, steps: 90, seed: 2, lars: true });
  expect(t).toContain('inits = ["lecun-normal", "he-normal"]');
  expect(t).toContain('use_lars = True');
  expect(t).toContain('d, depth, width, N = 4, 6, 32, 128');
  expect(pytorchFor('lars', {})).toContain('use_lars = True');

  const sp = pytorchFor('spectrum', { size: 6, sigma: 0.5, seed: 3 });
  expect(sp).toContain('n, sigma = 6, 0.5');
  expect(sp).toContain('torch.linalg.svdvals');
});

test('hostile state values cannot inject code', () => {
  const code = pytorchFor('gradients', { width: 'x"); import os #', activation: 'evil"', init: '__import__', sigma: 'os.system("x")' });
  expect(code).not.toMatch(/import os|os\.system|evil|__import__/);
});

test('the scripts cover every side and arm of their cell (issue 12 corrections)', () => {
  const lars = pytorchFor('lars', { inits: [{ id: 'normal', init: 'normal', sigma: 1 }], lars: true });
  expect(lars).toContain('arms = [False, True] if use_lars else [False]');
  expect(lars).toContain('train(init, lars)');
  expect(pytorchFor('training', {})).toContain('use_lars = False');

  const van = pytorchFor('vanishing-preset', { sigma: 0.1768, depth: 30 });
  expect(van).toContain('run("sigmoid", "sigmoid", "normal", 0.1768)');
  expect(van).toContain('run("relu", "relu", "normal", 0.1768)');

  const def = pytorchFor('default-init', { depth: 12, width: 32, activation: 'tanh' });
  for (const init of ['mxnet-default', 'pytorch-default', 'xavier-uniform']) expect(def).toContain(`"tanh", "${init}", 1.0)`);
  expect(def).toContain('L, n, B = 12, 32, 32');

  const xt = pytorchFor('xavier', { widths: [16, 32], init: 'xavier-normal', activation: 'tanh' });
  expect(xt).toContain('phi = torch.tanh');
  expect(xt).toContain('h = phi(z)');
  expect(pytorchFor('xavier', { widths: [16, 32] })).toContain('phi = (lambda z: z)');

  const torchDefault = pytorchFor('training', { inits: [{ id: 'torch', init: 'pytorch-default', sigma: 1 }, { id: 'he', init: 'he-normal', sigma: 1 }] });
  expect(torchDefault).toContain('torch_default = {"torch"}');
  expect(torchDefault).toContain('torch.nn.Linear(fan_in, fan_out, dtype=dtype).bias');

  for (const cell of ['gradients', 'vanishing-preset', 'default-init']) {
    const code = pytorchFor(cell, {});
    expect(code).toContain('correction=0');
    expect(code).not.toContain('unbiased=');
  }
});
