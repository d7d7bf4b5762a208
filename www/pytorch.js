// The equivalent PyTorch script for a live cell's current settings, so that a student can rerun
// the experiment in Python: pytorchFor(cellName, state) → a complete, commented, runnable script.
//
// Every value taken from `state` is checked and written as a Python literal (numbers clamped to
// finite values, names checked against the known lists), so a script is valid Python whatever the
// state holds. The models mirror the engine (crates/core): the same architecture, loss, task and
// update rule; only the random draws differ, since PyTorch has its own generator.

/** The PyTorch expression of each activation the engine declares (checked like INIT_LINES). */
export const ACTIVATIONS = {
  sigmoid: 'torch.sigmoid',
  tanh: 'torch.tanh',
  relu: 'torch.relu',
  identity: '(lambda z: z)  # identity: a linear network',
};

const RNG_NOTE = `# The numbers will not match the page digit for digit: PyTorch draws its random numbers with
# its own generator. Their orders of magnitude, which is what the chapter is about, will.`;

/** A finite number as a Python float literal. */
function num(x, fallback = 0) {
  let v = Number(x);
  if (!Number.isFinite(v)) v = fallback;
  if (Number.isInteger(v)) return `${v}.0`;
  return String(v); // JS and Python share the float syntax (1e-7, 0.25, …)
}
/** A whole number in [min, max] as a Python int literal. */
function int(x, fallback, min = 0, max = 2 ** 32 - 1) {
  let v = Math.round(Number(x));
  if (!Number.isFinite(v)) v = fallback;
  return String(Math.min(max, Math.max(min, v)));
}
const oneOf = (x, values, fallback) => (values.includes(x) ? x : fallback);
const bool = (x) => (x ? 'True' : 'False');

/**
 * The PyTorch statements of each initializer the engine declares (its `init` choices): they fill
 * the tensor named `w` (shape fan_out × fan_in, already allocated) with parameter `sigma`.
 * tests/pytorch.spec.js checks that the keys are exactly the engine's choices.
 */
export const INIT_LINES = {
    normal: ['torch.nn.init.normal_(w, mean=0.0, std=sigma)  # N(0, sigma^2)'],
    uniform: [
      '# U[-a, a] has variance a^2/3: a = sqrt(3)*sigma gives standard deviation sigma',
      'a = math.sqrt(3.0) * sigma',
      'torch.nn.init.uniform_(w, -a, a)',
    ],
    constant: ['torch.nn.init.constant_(w, sigma)  # every weight equals sigma'],
    'mxnet-default': ['torch.nn.init.uniform_(w, -0.07, 0.07)  # MXNet default, U[-0.07, 0.07]; sigma is not used'],
    'pytorch-default': [
      '# nn.Linear\'s default: kaiming_uniform_ with a = sqrt(5), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in));',
      '# sigma is not used',
      'torch.nn.init.kaiming_uniform_(w, a=math.sqrt(5))',
    ],
    'xavier-normal': ['torch.nn.init.xavier_normal_(w, gain=sigma)  # std = sigma*sqrt(2/(fan_in+fan_out))'],
    'xavier-uniform': ['torch.nn.init.xavier_uniform_(w, gain=sigma)  # bound = sigma*sqrt(6/(fan_in+fan_out))'],
    'he-normal': [
      '# He (Kaiming) normal, std = sigma*sqrt(2/fan_in); like kaiming_normal_(w, nonlinearity="relu")',
      'torch.nn.init.normal_(w, mean=0.0, std=sigma * math.sqrt(2.0 / fan_in))',
    ],
    'he-uniform': [
      '# He (Kaiming) uniform, bound = sigma*sqrt(6/fan_in); like kaiming_uniform_(w, nonlinearity="relu")',
      'b = sigma * math.sqrt(6.0 / fan_in)',
      'torch.nn.init.uniform_(w, -b, b)',
    ],
    'lecun-normal': [
      '# LeCun normal, std = sigma*sqrt(1/fan_in) (a plain normal; JAX/Flax truncate theirs)',
      'torch.nn.init.normal_(w, mean=0.0, std=sigma * math.sqrt(1.0 / fan_in))',
    ],
    'lecun-uniform': [
      '# LeCun uniform, bound = sigma*sqrt(3/fan_in)',
      'b = sigma * math.sqrt(3.0 / fan_in)',
      'torch.nn.init.uniform_(w, -b, b)',
    ],
};
/** The initializers a script can write: the ones translated above. */
const INITS = Object.keys(INIT_LINES);

/** `init`'s statements (see INIT_LINES), indented by `pad`. */
function initLines(init, pad = '    ') {
  return INIT_LINES[init].map((l) => pad + l).join('\n');
}

/** A Python function init_weight(fan_in, fan_out) for one initializer. */
function initFunction(init, dtype = 'dtype') {
  return `def init_weight(fan_in, fan_out):
    """A fan_out x fan_in weight matrix drawn by the ${init} initializer."""
    w = torch.empty(fan_out, fan_in, dtype=${dtype})
${initLines(init)}
    return w`;
}

/** `text` with `pad` before every non-empty line (for a shared block inside a Python function). */
function indent(text, pad) {
  return text.replace(/^(?=.)/gm, pad);
}

// The gradient experiment's forward pass from x through Ws, keeping each layer's input (with its
// gradient) and pre-activation, and its per-layer printout; shared by gradients and gradientSides.
const FORWARD_KEEPING = `inputs, zs = [], []
h = x
for W in Ws:
    if not h.is_leaf:
        h.retain_grad()  # keep dl/dh^(l-1) of this intermediate tensor after backward()
    inputs.append(h)
    z = h @ W.T
    zs.append(z)
    h = phi(z)`;
const PRINT_PER_LAYER = `print(f"{'layer':>5}  {'|dl/dW|':>12}  {'|dl/dh|/sqrt(B)':>16}  {'std(z)':>12}")
for l, (W, h_prev, z) in enumerate(zip(Ws, inputs, zs), start=1):
    grad_w = W.grad.norm().item()
    backward = h_prev.grad.norm().item() / math.sqrt(B)
    forward = torch.std(z.detach(), correction=0).item()
    print(f"{l:5d}  {grad_w:12.4e}  {backward:16.4e}  {forward:12.4e}")`;

// ── the cells ────────────────────────────────────────────────────────────────────────────────

function gradients(s) {
  const depth = int(s.depth, 30, 1, 10000);
  const width = int(s.width, 64, 1, 100000);
  const batch = int(s.batch, 32, 1, 100000);
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'sigmoid');
  const init = oneOf(s.init, INITS, 'normal');
  const f32 = s.precision === 'f32';
  return `# gradscope, "The gradient, layer by layer", in PyTorch.
# Settings: depth L = ${depth}, width n = ${width}, batch B = ${batch}, activation ${act},
# initializer ${init}, sigma = ${num(s.sigma, 0.1)}, seed ${int(s.seed, 1)}, precision ${f32 ? 'f32' : 'f64'}.
#
# The network: h^0 = x (B x n, N(0, 1) entries), z^l = h^(l-1) W^l^T, h^l = phi(z^l), no biases.
# The loss: the sum of the outputs divided by B. For every layer it prints the Frobenius norm of
# dl/dW^l, the backward signal |dl/dh^(l-1)|_F / sqrt(B) and the standard deviation of z^l.
${RNG_NOTE}
import math

import torch

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.${f32 ? 'float32' : 'float64'}
L, n, B = ${depth}, ${width}, ${batch}
sigma = ${num(s.sigma, 0.1)}
phi = ${ACTIVATIONS[act]}


${initFunction(init)}


Ws = [init_weight(n, n).requires_grad_() for _ in range(L)]
x = torch.randn(B, n, dtype=dtype, requires_grad=True)  # requires_grad: we want dl/dh^0 too

${FORWARD_KEEPING}

loss = h.sum() / B
loss.backward()

${PRINT_PER_LAYER}
# inf or nan in a row means that the value overflowed in this precision; 0 that it underflowed.
`;
}

/**
 * The gradient experiment for several sides of one cell at once (the vanishing preset: sigmoid
 * beside ReLU; default initialization: MXNet, PyTorch and Keras' Xavier uniform). `sides` lists
 * {label, activation, init, sigma}; the other settings are shared.
 */
function gradientSides(s, title, sides) {
  const depth = int(s.depth, 30, 1, 10000);
  const width = int(s.width, 64, 1, 100000);
  const batch = int(s.batch, 32, 1, 100000);
  const f32 = s.precision === 'f32';
  const branches = [...new Set(sides.map((x) => x.init))]
    .map((init, k) => `    ${k === 0 ? 'if' : 'elif'} init == "${init}":\n${initLines(init, '        ')}`)
    .join('\n');
  return `# gradscope, "${title}", in PyTorch: every side of the cell, one after the other.
# Shared settings: depth L = ${depth}, width n = ${width}, batch B = ${batch}, seed ${int(s.seed, 1)}, precision ${f32 ? 'f32' : 'f64'}.
# Sides: ${sides.map((x) => `${x.label} (${x.activation}, ${x.init}, sigma ${x.sigma})`).join('; ')}.
#
# The network: h^0 = x (B x n, N(0, 1) entries), z^l = h^(l-1) W^l^T, h^l = phi(z^l), no biases.
# The loss: the sum of the outputs divided by B. For every layer it prints the Frobenius norm of
# dl/dW^l, the backward signal |dl/dh^(l-1)|_F / sqrt(B) and the standard deviation of z^l.
${RNG_NOTE}
import math

import torch

dtype = torch.${f32 ? 'float32' : 'float64'}
L, n, B = ${depth}, ${width}, ${batch}
PHI = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "identity": lambda z: z}


def init_weight(init, sigma, fan_in, fan_out):
    """A fan_out x fan_in weight matrix drawn by the initializer \`init\` with parameter sigma."""
    w = torch.empty(fan_out, fan_in, dtype=dtype)
${branches}
    else:
        raise ValueError(f"unknown initializer {init}")
    return w


def run(label, activation, init, sigma):
    torch.manual_seed(${int(s.seed, 1)})  # the same draws for every side
    phi = PHI[activation]
    Ws = [init_weight(init, sigma, n, n).requires_grad_() for _ in range(L)]
    x = torch.randn(B, n, dtype=dtype, requires_grad=True)
${indent(FORWARD_KEEPING, '    ')}
    loss = h.sum() / B
    loss.backward()
    print(f"== {label}: {activation}, {init}, sigma = {sigma}")
${indent(PRINT_PER_LAYER, '    ')}


${sides.map((x) => `run("${x.label}", "${x.activation}", "${x.init}", ${x.sigma})`).join('\n')}
# inf or nan in a row means that the value overflowed in this precision; 0 that it underflowed.
`;
}

/** The vanishing preset: sigmoid beside ReLU, same depth, width, N(0, sigma^2) weights and seed. */
function vanishingPreset(s) {
  const sigma = num(s.sigma, 0.1768);
  return gradientSides({ width: 64, ...s }, 'Vanishing: sigmoid beside ReLU', ['sigmoid', 'relu'].map((activation) => ({
    label: activation, activation, init: 'normal', sigma,
  })));
}

/** Default initialization: MXNet, PyTorch and Keras (Xavier uniform) defaults side by side. */
function defaultInit(s) {
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'relu');
  return gradientSides({ depth: 20, width: 64, ...s }, 'Default initialization in three frameworks', [
    { label: 'MXNet default', init: 'mxnet-default' },
    { label: 'PyTorch nn.Linear default', init: 'pytorch-default' },
    { label: 'Keras Dense default (Xavier uniform)', init: 'xavier-uniform' },
  ].map((x) => ({ ...x, activation: act, sigma: '1.0' })));
}

function sigmoid() {
  return `# gradscope, "The sigmoid and its derivative", in PyTorch: sigma(x) and sigma'(x) on [-8, 8],
# the derivative computed by autograd.
import matplotlib.pyplot as plt
import torch

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))  # x.grad[i] = d sigmoid(x_i) / d x_i

print("largest derivative:", x.grad.max().item(), "at x =", x[x.grad.argmax()].item())
print("derivative at x = 5:", torch.sigmoid(torch.tensor(5.0)) * (1 - torch.sigmoid(torch.tensor(5.0))))

plt.plot(x.detach(), y.detach(), label="sigmoid")
plt.plot(x.detach(), x.grad, label="gradient")
plt.xlabel("x")
plt.legend()
plt.show()
`;
}

function product(s) {
  const steps = int(s.steps, 100, 0, 1000000);
  const size = int(s.size, 4, 1, 10000);
  const f32 = s.precision === 'f32';
  return `# gradscope, "Exploding: a product of random matrices", in PyTorch.
# Settings: ${steps} multiplications of ${size} x ${size} matrices with N(0, sigma^2) entries,
# sigma = ${num(s.sigma, 1)}, seed ${int(s.seed, 1)}, precision ${f32 ? 'f32' : 'f64'}.
${RNG_NOTE}
import torch

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.${f32 ? 'float32' : 'float64'}
steps, n, sigma = ${steps}, ${size}, ${num(s.sigma, 1)}


def draw():
    # The same as torch.normal(0.0, sigma, size=(n, n)), in the chosen precision.
    return sigma * torch.randn(n, n, dtype=dtype)


torch.set_printoptions(precision=4, sci_mode=True)
M = draw()
print("A single matrix:")
print(M)

first_non_finite = None
print(f"step {0:5d}  |M|_F = {torch.linalg.norm(M).item():.4e}")
for step in range(1, steps + 1):
    M = M @ draw()
    print(f"step {step:5d}  |M|_F = {torch.linalg.norm(M).item():.4e}")
    if first_non_finite is None and not torch.isfinite(M).all():
        first_non_finite = step

print(f"After multiplying {steps} more matrices:")
print(M)
# In float32 the largest number is about 3.4e38: past it the entries become inf (then nan).
print("first step with inf or nan:", first_non_finite)
`;
}

function symmetry(s) {
  const hidden = int(s.hidden, 2, 1, 4096);
  const init = oneOf(s.init, ['constant', 'normal'], 'constant');
  let p = s.dropout === true ? 0.5 : Number(s.dropout) || 0;
  p = Math.min(0.95, Math.max(0, p));
  const inputs = int(s.inputs, 2, 1, 4096);
  const samples = int(s.samples, 64, 1, 100000);
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'tanh');
  const steps = int(s.steps, 200, 0, 1000000);
  return `# gradscope, "Breaking the symmetry", in PyTorch.
# An MLP d -> ${hidden} hidden ${act} units -> 1, with biases, trained by full-batch gradient descent
# on the engine's synthetic task. Settings: ${init === 'constant' ? `every weight = ${num(s.value, 0.5)}` : `weights N(0, ${num(s.sigma, 0.5)}^2)`},
# biases 0, dropout p = ${num(p)}, learning rate ${num(s.lr, 0.1)}, ${steps} steps, seed ${int(s.seed, 1)}.
${RNG_NOTE}
import math

import torch
from torch import nn

torch.manual_seed(${int(s.seed, 1)})
d, hidden, N = ${inputs}, ${hidden}, ${samples}
lr, steps, p = ${num(s.lr, 0.1)}, ${steps}, ${num(p)}

# The task: x ~ U[-2, 2]^d, y = sin(2 * sum(x) / sqrt(d)).
X = torch.rand(N, d, dtype=torch.float64) * 4 - 2
y = torch.sin(2 * X.sum(dim=1, keepdim=True) / math.sqrt(d))

net = nn.Sequential(
    nn.Linear(d, hidden),
    nn.${{ sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', identity: 'Identity' }[act]}(),
    nn.Dropout(p),  # inverted dropout: a fresh mask per example and step, kept units scaled by 1/(1-p)
    nn.Linear(hidden, 1),
).double()

with torch.no_grad():
    for layer in (net[0], net[3]):
${init === 'constant'
    ? `        nn.init.constant_(layer.weight, ${num(s.value, 0.5)})  # every unit starts identical`
    : `        nn.init.normal_(layer.weight, mean=0.0, std=${num(s.sigma, 0.5)})  # every unit starts different`}
        nn.init.zeros_(layer.bias)

optimizer = torch.optim.SGD(net.parameters(), lr=lr)
net.train()  # dropout is active in training mode (it does nothing when p = 0)
every = max(1, steps // 10)
for step in range(steps + 1):
    if step % every == 0 or step == steps:
        W = net[0].weight.detach()
        print(f"step {step:5d}")
        for i in range(hidden):
            print(f"    unit {i + 1}: incoming weights {[round(v, 6) for v in W[i].tolist()]}")
    if step == steps:
        break
    loss = ((net(X) - y) ** 2).mean() / 2  # (1/2N) * sum of squared errors
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

W = net[0].weight.detach()
identical = all(torch.allclose(W[0], W[i], rtol=0.0, atol=1e-12) for i in range(hidden))
print("all hidden units still identical:", identical)
`;
}

function xavier(s) {
  const widths = (Array.isArray(s.widths) && s.widths.length >= 2 ? s.widths : [64, 256, 32, 128, 16])
    .map((w) => int(w, 64, 1, 100000));
  const init = oneOf(s.init, ['normal', 'xavier-normal', 'xavier-uniform'], 'xavier-normal');
  const act = oneOf(s.activation, ['identity', 'tanh'], 'identity');
  return `# gradscope, "Xavier initialization", in PyTorch: a stack of layers of different widths,
# ${widths.join(' -> ')}, activation ${act}; for each layer, the variance of its pre-activation
# z = h W^T (forward) and of the gradient it passes down (backward).
# Initializer: ${init === 'normal' ? `N(0, sigma^2), sigma = ${num(s.sigma, 0.1)}` : `${init} (gain 1)`}, seed ${int(s.seed, 1)}.
${RNG_NOTE}
import math

import torch

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.float64
widths = [${widths.join(', ')}]
${init === 'normal' ? `sigma = ${num(s.sigma, 0.1)}  # the standard deviation of every weight` : "sigma = 1.0  # Xavier's gain: the scheme as published"}
B = 4096  # examples: enough for the sample variances to settle
phi = ${ACTIVATIONS[act]}


${initFunction(init)}


Ws = [init_weight(n_in, n_out).requires_grad_() for n_in, n_out in zip(widths[:-1], widths[1:])]
x = torch.randn(B, widths[0], dtype=dtype, requires_grad=True)  # variance 1 in

hs, zs = [x], []
for W in Ws:
    z = hs[-1] @ W.T  # the layer's pre-activation
    h = phi(z)
    h.retain_grad()
    zs.append(z)
    hs.append(h)

# Backward from a gradient of variance 1 at the output: l = sum(out * g) has dl/dout = g.
g = torch.randn_like(hs[-1])
(hs[-1] * g).sum().backward()

print(f"{'layer':>5}  {'n_in':>5}  {'n_out':>5}  {'Var forward':>12}  {'Var backward':>12}")
for l, W in enumerate(Ws, start=1):
    fwd = zs[l - 1].detach().var().item()    # variance of this layer's pre-activation z
    bwd = hs[l - 1].grad.var().item()        # variance of the gradient it hands down
    print(f"{l:5d}  {widths[l - 1]:5d}  {widths[l]:5d}  {fwd:12.4e}  {bwd:12.4e}")
# Linear layers: N(0, sigma^2) multiplies them by n_in*sigma^2 (forward) and n_out*sigma^2
# (backward) per layer; Xavier by 2*n_in/(n_in+n_out) and 2*n_out/(n_in+n_out). tanh is close to
# the identity near 0 and only shrinks the signal, so the same factors are upper bounds there.
`;
}

function training(s) {
  // Each initializer is a name, or {id, init, sigma} when one scheme appears with several σ.
  const sigma = num(s.sigma, 1);
  const inits = (Array.isArray(s.inits) && s.inits.length ? s.inits : ['normal', 'xavier-normal', 'he-normal'])
    .map((i) => (typeof i === 'object' && i !== null
      ? { id: String(i.id ?? i.init).replace(/[^\w-]/g, ''), init: oneOf(i.init, INITS, 'normal'), sigma: num(i.sigma, sigma) }
      : { id: oneOf(i, INITS, 'normal'), init: oneOf(i, INITS, 'normal'), sigma }));
  const depth = int(s.depth, 4, 1, 1000);
  const width = int(s.width, 32, 1, 100000);
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'relu');
  const inputs = int(s.inputs, 4, 1, 4096);
  const samples = int(s.samples, 128, 1, 1000000);
  const batch = int(s.batch, 0, 0, 1000000);
  const steps = int(s.steps, 200, 0, 10000000);
  const lars = Boolean(s.lars);
  const branches = inits
    .map((i, k) => `    ${k === 0 ? 'if' : 'elif'} init == "${i.id}":\n        sigma = ${i.sigma}\n${initLines(i.init, '        ')}`)
    .join('\n');
  return `# gradscope, "Training from different initializers", in PyTorch.
# The same MLP (${inputs} inputs -> ${depth} hidden ${act} layers of ${width} -> 1 linear output, with biases)
# trained on the same synthetic regression task from each initializer: ${inits.map((i) => `${i.id} (${i.init}, sigma ${i.sigma})`).join(', ')}.
# Learning rate ${num(s.lr, 0.05)}, ${steps} steps, ${batch > 0 ? `minibatches of ${batch}` : 'full batch'}, ${lars ? 'LARS' : 'plain SGD'}, seed ${int(s.seed, 1)}.
${RNG_NOTE}
import math

import torch

seed = ${int(s.seed, 1)}
d, depth, width, N = ${inputs}, ${depth}, ${width}, ${samples}
lr, steps, batch = ${num(s.lr, 0.05)}, ${steps}, ${batch}  # batch 0 = full batch
use_lars = ${bool(lars)}
torch_default = {${inits.filter((i) => i.init === 'pytorch-default').map((i) => `"${i.id}"`).join(', ')}}  # nn.Linear's own init
phi = ${ACTIVATIONS[act]}
dtype = torch.float64

# The task, the same for every initializer: x ~ U[-2, 2]^d, y = sin(2 * sum(x) / sqrt(d)).
data_rng = torch.Generator().manual_seed(seed)
X = torch.rand(N, d, generator=data_rng, dtype=dtype) * 4 - 2
y = torch.sin(2 * X.sum(dim=1, keepdim=True) / math.sqrt(d))


def init_weight(init, fan_in, fan_out):
    w = torch.empty(fan_out, fan_in, dtype=dtype)
${branches}
    else:
        raise ValueError(f"unknown initializer {init}")
    return w


def init_bias(init, fan_in, fan_out):
    if init in torch_default:
        # PyTorch's nn.Linear draws its bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)) too.
        # (The page's engine starts every bias at 0; here the real nn.Linear layer is used.)
        return torch.nn.Linear(fan_in, fan_out, dtype=dtype).bias.detach().clone()
    return torch.zeros(fan_out, dtype=dtype)  # every other scheme: biases start at 0


def train(init, lars):
    torch.manual_seed(seed)  # the same draws for every initializer
    sizes = [d] + [width] * depth + [1]
    Ws = [init_weight(init, a, b).requires_grad_() for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [init_bias(init, a, b).requires_grad_() for a, b in zip(sizes[:-1], sizes[1:])]
    order = torch.Generator().manual_seed(seed)  # the same minibatches for every initializer
    losses = []
    for step in range(steps):
        idx = torch.randperm(N, generator=order)[:batch] if 0 < batch < N else slice(None)
        h = X[idx]
        for l, (W, b) in enumerate(zip(Ws, bs)):
            z = h @ W.T + b
            h = z if l == len(Ws) - 1 else phi(z)  # the output layer is linear
        loss = ((h - y[idx]) ** 2).mean() / 2
        losses.append(loss.item())
        for p in Ws + bs:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for W, b in zip(Ws, bs):
                rate = lr
                if lars:
                    # LARS trust ratio |W| / |dl/dW| (no weight decay): every layer moves by
                    # lr * |W| per step, whatever the size of its gradient.
                    w_norm, g_norm = W.norm(), W.grad.norm()
                    if w_norm > 0 and g_norm > 0 and torch.isfinite(w_norm / g_norm):
                        rate = lr * (w_norm / g_norm).item()
                W -= rate * W.grad
                b -= rate * b.grad
    return losses


inits = [${inits.map((i) => `"${i.id}"`).join(', ')}]
# use_lars: run every initializer twice, with plain SGD and with LARS, and print both arms.
arms = [False, True] if use_lars else [False]
curves = {(init, lars): train(init, lars) for init in inits for lars in arms}
names = {key: key[0] + (" LARS" if key[1] else (" SGD" if use_lars else "")) for key in curves}
every = max(1, steps // 10)
print(f"{'step':>6}  " + "  ".join(f"{names[key]:>15}" for key in curves))
for step in list(range(0, steps, every)) + ([steps - 1] if steps else []):
    print(f"{step:6d}  " + "  ".join(f"{curves[key][step]:15.4e}" for key in curves))
`;
}

function spectrum(s) {
  const size = int(s.size, 8, 1, 10000);
  return `# gradscope, "Exercise 3: the singular values of a product", in PyTorch.
# Two random ${size} x ${size} matrices A and B with N(0, sigma^2) entries, sigma = ${num(s.sigma, 1)}, seed ${int(s.seed, 1)}:
# every singular value of AB lies between sigma_min(A)*sigma_min(B) and sigma_max(A)*sigma_max(B).
${RNG_NOTE}
import torch

torch.manual_seed(${int(s.seed, 1)})
n, sigma = ${size}, ${num(s.sigma, 1)}
A = sigma * torch.randn(n, n, dtype=torch.float64)
B = sigma * torch.randn(n, n, dtype=torch.float64)

sA, sB, sAB = (torch.linalg.svdvals(M) for M in (A, B, A @ B))  # in decreasing order
upper = (sA[0] * sB[0]).item()
lower = (sA[-1] * sB[-1]).item()
print("singular values of A: ", sA.tolist())
print("singular values of B: ", sB.tolist())
print("singular values of AB:", sAB.tolist())
print(f"upper bound sigma_max(A)*sigma_max(B) = {upper:.6e}")
print(f"lower bound sigma_min(A)*sigma_min(B) = {lower:.6e}")
print("all within the bounds:", bool(((sAB <= upper * (1 + 1e-12)) & (sAB >= lower * (1 - 1e-12))).all()))
print("eigenvalues of AB:", torch.linalg.eigvals(A @ B).tolist())
`;
}

/** The stability map: D(σ, L) over a log grid of σ, one deep network per σ (draws rescaled). */
function stabilityMap(s) {
  const depth = int(s.depth, 60, 2, 10000);
  const width = int(s.width, 64, 1, 100000);
  const batch = int(s.batch, 16, 1, 100000);
  const columns = int(s.columns, 48, 2, 1000);
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'tanh');
  return `# gradscope, "The stability map", in PyTorch: for each sigma on a log grid, one network of
# depth ${depth} (width ${width}, batch ${batch}, activation ${act}, weights N(0, sigma^2), no biases) is run once;
# D(sigma, L) = log10(|dl/dh^0| / |dl/dh^(L-1)|) is how many powers of ten the backward signal
# gains (> 0) or loses (< 0) on its way from layer L down to layer 1.
${RNG_NOTE}
import math

import torch

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.float64
L, n, B, columns = ${depth}, ${width}, ${batch}, ${columns}
phi = ${ACTIVATIONS[act]}

# Standard draws, kept: a new sigma rescales them, as the page does.
Z = [torch.randn(n, n, dtype=dtype) for _ in range(L)]
x = torch.randn(B, n, dtype=dtype)
sigmas = [10 ** (-3 + 4 * i / (columns - 1)) for i in range(columns)]

for sigma in sigmas:
    Ws = [(sigma * z).requires_grad_() for z in Z]
    inputs = []
    h = x.clone().requires_grad_()
    for W in Ws:
        if not h.is_leaf:
            h.retain_grad()
        inputs.append(h)
        h = phi(h @ W.T)
    (h.sum() / B).backward()
    norms = [t.grad.norm().item() for t in inputs]  # |dl/dh^(l-1)|, l = 1..L
    D = [math.log10(norms[0] / top) if top > 0 and math.isfinite(top) else float("nan") for top in norms]
    print(f"sigma = {sigma:9.4g}:  D at L = {L // 4}, {L // 2}, {L}:  "
          + "  ".join(f"{D[l - 1]:+8.2f}" for l in (max(1, L // 4), L // 2, L)))
`;
}

/** Exercise 1: layer l × α, layer l + 1 × 1/α; outputs and per-layer gradient norms compared. */
function rescaling(s) {
  const width = int(s.width, 16, 1, 100000);
  const layer = int(s.layer, 2, 1, 3);
  const size = Math.abs(Number(s.alpha));
  const alpha = num((s.negative ? -1 : 1) * (Number.isFinite(size) && size > 0 ? size : 10), 10);
  const act = oneOf(s.activation, Object.keys(ACTIVATIONS), 'relu');
  return `# gradscope, "Exercise 1: rescaling one layer up and the next one down", in PyTorch.
# A 4-layer network of width ${width} without biases (He-normal weights, activation ${act} after every
# layer, loss = mean over the batch of the sum of the outputs). Layer l = ${layer} is multiplied by
# alpha = ${alpha} and layer l + 1 by 1/alpha. With ReLU and alpha > 0 the output does not change, while
# |dl/dW_l| is divided by alpha and |dl/dW_(l+1)| multiplied by it.
${RNG_NOTE}
import math

import torch

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.float64
L, n, B = 4, ${width}, 16
l, alpha = ${layer}, ${alpha}
phi = ${ACTIVATIONS[act]}

x = torch.randn(B, n, dtype=dtype)
base = [math.sqrt(2.0 / n) * torch.randn(n, n, dtype=dtype) for _ in range(L)]
factors = [1.0] * L
factors[l - 1], factors[l] = alpha, 1.0 / alpha


def run(scales):
    Ws = [(s * W).requires_grad_() for s, W in zip(scales, base)]
    h = x
    for W in Ws:
        h = phi(h @ W.T)
    loss = h.sum() / B
    loss.backward()
    return h.detach(), [W.grad.norm().item() for W in Ws]


y, grads = run([1.0] * L)
y2, grads2 = run(factors)
print(f"max |output difference| = {(y2 - y).abs().max().item():.3e}  (output size {y.abs().max().item():.3e})")
for k in range(L):
    predicted = 1 / abs(alpha) if k + 1 == l else (abs(alpha) if k == l else 1.0)
    print(f"layer {k + 1}: |dl/dW| {grads[k]:.6e} -> {grads2[k]:.6e}, ratio {grads2[k] / grads[k]:.6f}, predicted {predicted:.6f}")
`;
}

/** Exercise 2: softmax regression from constant weights on Gaussian blobs. */
function softmax(s) {
  const classes = int(s.classes, 3, 2, 1000);
  const perClass = int(s.per_class, 50, 1, 1000000);
  const steps = int(s.steps, 100, 0, 1000000);
  return `# gradscope, "Exercise 2: softmax regression from constant weights", in PyTorch.
# ${classes} Gaussian blobs in the plane (${perClass} examples each, spread ${num(s.spread, 1)}); every weight starts at
# c = ${num(s.value, 1)}, the biases at 0; full-batch gradient descent with learning rate ${num(s.learning_rate, 0.5)}.
${RNG_NOTE}
import math

import torch
import torch.nn.functional as F

torch.manual_seed(${int(s.seed, 1)})
dtype = torch.float64
K, m, spread, c = ${classes}, ${perClass}, ${num(s.spread, 1)}, ${num(s.value, 1)}
lr, steps = ${num(s.learning_rate, 0.5)}, ${steps}

centres = torch.tensor([[2 * math.cos(2 * math.pi * k / K), 2 * math.sin(2 * math.pi * k / K)] for k in range(K)], dtype=dtype)
X = torch.cat([centres[k] + spread * torch.randn(m, 2, dtype=dtype) for k in range(K)])
y = torch.arange(K).repeat_interleave(m)

W = torch.full((2, K), c, dtype=dtype, requires_grad=True)  # one column per class
b = torch.zeros(K, dtype=dtype, requires_grad=True)
for step in range(steps + 1):
    loss = F.cross_entropy(X @ W + b, y)
    W.grad = b.grad = None
    loss.backward()
    if step == 0:
        print(f"start: loss {loss.item():.4f} = ln K = {math.log(K):.4f}")
        print("first gradient, one column per class:", W.grad.T.tolist())
    with torch.no_grad():
        spread_cols = (W[:, :, None] - W[:, None, :]).abs().max().item()
        if step % max(1, steps // 10) == 0 or step == steps:
            accuracy = ((X @ W + b).argmax(1) == y).double().mean().item()
            print(f"step {step:5d}: loss {loss.item():.4f}, accuracy {accuracy:.3f}, max gap between class columns {spread_cols:.3e}")
        if step < steps:
            W -= lr * W.grad
            b -= lr * b.grad
`;
}

const GENERATORS = {
  gradients,
  'vanishing-preset': vanishingPreset,
  'default-init': defaultInit,
  'stability-map': stabilityMap,
  sigmoid,
  product,
  symmetry,
  xavier,
  training,
  lars: (s) => training({ ...s, lars: s.lars ?? true }),
  rescaling,
  softmax,
  spectrum,
};

/** The cells pytorchFor knows. */
export const PYTORCH_CELLS = Object.keys(GENERATORS);

/**
 * A complete PyTorch script reproducing cell `cellName` with its current `state` (see the
 * functions above for each cell's fields; missing fields take the page's defaults). An unknown
 * cell gives a Python comment saying so.
 */
export function pytorchFor(cellName, state = {}) {
  const gen = GENERATORS[cellName];
  if (!gen) return `# No PyTorch version of the cell "${String(cellName).replace(/[^\w-]/g, '')}".\n`;
  return gen(state || {});
}
