// The page's words in English and Vietnamese. Every text a student reads comes from here,
// including the texts drawn inside the canvases. Vietnamese terms follow shared/GLOSSARY.md.

const sup = (k) => {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const s = String(Math.abs(Math.round(k))).replace(/\d/g, (d) => digits[d]);
  return (k < 0 ? '⁻' : '') + s;
};

/** 10ᵏ with k rounded to a whole number, e.g. 10⁻²¹. */
export const pow10 = (k) => `10${sup(k)}`;

/** A number as m × 10ᵏ (or plain when 0.01 ≤ |x| < 1000), with the language's decimal mark. */
export function formatNumber(x, lang, digits = 3) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const mark = lang === 'vi' ? ',' : '.';
  const a = Math.abs(x);
  let text;
  if (a >= 0.01 && a < 1000) {
    text = x.toPrecision(digits);
  } else {
    const [m, e] = x.toExponential(digits - 1).split('e');
    text = `${m} × ${pow10(Number(e))}`;
  }
  return text.replace('.', mark).replace('-', '−');
}

export const STRINGS = {
  en: {
    'page.title': 'gradscope: numerical stability and initialization',
    'page.tagline': 'Drag σ and watch the gradient of every layer vanish or explode, live.',
    'lang.label': 'Language',
    'grad.heading': 'The gradient, layer by layer',
    'grad.intro':
      'A network of L layers, each h = φ(W h) with no bias, takes a batch of random inputs. The chart shows, for every layer, how large the gradient of the loss with respect to its weights is (blue), how large the backward signal it passes down is (red), and how spread out its pre-activations are (green). Move σ: when the numbers at layer 1 are many powers of ten away from those at the last layer, training the first layers is hopeless.',
    'control.depth': 'Depth L (layers)',
    'control.sigma': 'σ (scale of the weights)',
    'control.sigmaNumber': 'σ, exact value',
    'control.activation': 'Activation function',
    'control.init': 'Initializer',
    'control.width': 'Width n (hidden units per layer)',
    'control.batch': 'Batch B (examples)',
    'control.seed': 'Seed',
    'control.newSeed': 'New random seed',
    'control.precision': 'Precision',
    'control.showBackward': 'Show the backward signal',
    'control.showForward': 'Show the forward signal',
    'control.theory': 'Show the theory (dashed)',
    'control.table': 'Show the numbers as a table',
    'control.hideTable': 'Hide the table',
    'act.sigmoid': 'sigmoid',
    'act.tanh': 'tanh',
    'act.relu': 'ReLU',
    'act.identity': 'identity (linear)',
    'init.normal': 'normal N(0, σ²)',
    'init.uniform': 'uniform, standard deviation σ',
    'init.constant': 'constant c = σ',
    'init.mxnet-default': 'MXNet default U[−0.07, 0.07]',
    'init.pytorch-default': 'PyTorch default U[−1/√n, 1/√n]',
    'init.xavier-normal': 'Xavier normal',
    'init.xavier-uniform': 'Xavier uniform',
    'init.he-normal': 'He (Kaiming) normal',
    'init.he-uniform': 'He (Kaiming) uniform',
    'init.lecun-normal': 'LeCun normal',
    'init.lecun-uniform': 'LeCun uniform',
    'prec.f64': 'f64 (double)',
    'prec.f32': 'f32 (single)',
    'role.stddev': 'σ is the standard deviation of every weight.',
    'role.value': 'Every weight equals σ.',
    'role.gain': 'σ is a gain: it multiplies this scheme’s own scale (σ = 1 is the scheme as published).',
    'role.ignored': 'This scheme fixes its own scale: σ is ignored.',
    'caps': 'Limits: depth {depth}, width {width}, batch {batch}, so that the largest setting still answers within about a second.',
    'chart.title': 'Gradient magnitude per layer',
    'chart.x': 'layer l (1 = nearest the input)',
    'chart.y': 'magnitude (log scale)',
    'chart.grad': '‖∂ℓ/∂Wˡ‖ weight gradient',
    'chart.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B backward signal',
    'chart.forward': 'std(zˡ) forward signal',
    'chart.theorySuffix': ' (theory)',
    'chart.underflow': 'underflow to 0',
    'chart.overflow': 'overflow (∞ or NaN)',
    'chart.alt': 'Chart of the gradient magnitude per layer. {verdict} The table below lists the same numbers.',
    'table.caption': 'The numbers the chart draws, one row per layer',
    'table.layer': 'Layer',
    'table.grad': '‖∂ℓ/∂Wˡ‖',
    'table.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B',
    'table.forward': 'std(zˡ)',
    'table.status': 'Status',
    'status.ok': 'ok',
    'status.underflow': 'underflow to 0',
    'status.overflow': 'overflow',
    'verdict.vanishing': 'vanishing gradient',
    'verdict.stable': 'stable',
    'verdict.exploding': 'exploding gradient',
    'verdict.ratio': 'The gradient at layer 1 is {ratio} of that at layer {L}',
    'verdict.backward': 'the backward signal changes by a factor {factor} from layer {L} down to layer 1',
    'verdict.overflow': 'Values overflow to ∞ or NaN from layer {layer} on (counting from the output)',
    'verdict.underflow': 'The gradient underflows to exactly 0 at layer {layer} and below',
    'verdict.one': 'With a single layer there is nothing to compare',
    'note.clamped': '{value} is outside {min} to {max}; using {used}.',
    'note.invalid': '“{value}” is not valid here; using {used}.',
    'note.rounded': '{value} is not a whole number; using {used}.',
    'error.engine': 'The engine refused this setting: {message}',
    'error.load': 'The WebAssembly engine could not be loaded: {message}',
    'loading': 'Loading the engine…',
    'note.gainReset': 'σ is now a gain and was set to 1, the scheme as published.',
    'pytorch.show': 'Reproduce in PyTorch',
    'pytorch.hide': 'Hide the PyTorch code',
    'pytorch.copy': 'Copy the code',
    'pytorch.copied': 'Copied.',
    'pytorch.selected': 'The code is selected: press Ctrl+C to copy it.',
    'toc.title': 'Contents',
    'toc.label': 'Table of contents',
    'prod.heading': "Exploding: a product of random matrices",
    'prod.intro': "Start from one random n×n matrix with N(0, σ²) entries and multiply it by k more such matrices, as the book does with n = 4, σ = 1 and k = 100. Each factor stretches the product by a random amount, and these stretches multiply: the entries grow geometrically until, in single precision, they no longer fit and become ∞.",
    'prod.sigma': "σ (standard deviation of every entry)",
    'prod.sigmaNumber': "σ, exact value",
    'prod.steps': "Multiplications k",
    'prod.size': "Matrix size n (n × n)",
    'prod.runAgain': "Run again (new seed)",
    'prod.first': "A single matrix",
    'prod.product': "After multiplying {k} more matrices",
    'prod.summary': "After {k} multiplications the largest entry is {max} and the Frobenius norm ‖M‖ is {fro} (the first matrix's largest entry: {first}).",
    'prod.overflowAt': "In {prec} the product overflows to ∞ at step {k}.",
    'prod.underflowAt': "In {prec} the product underflows to 0 at step {k}.",
    'prod.chart.title': "The product's size, step by step",
    'prod.chart.x': "step k (number of multiplications)",
    'prod.chart.y': "size (log scale)",
    'prod.chart.frobenius': "‖M‖ Frobenius norm",
    'prod.chart.maxAbs': "max |Mᵢⱼ| largest entry",
    'prod.chart.alt': "Chart of the product's Frobenius norm and largest entry after each multiplication, on a log scale. {summary} The table below lists the same numbers.",
    'prod.table.caption': "The numbers the chart draws, one row per step",
    'prod.table.step': "Step k",
    'prod.table.frobenius': "‖M‖ (Frobenius)",
    'prod.table.maxAbs': "max |Mᵢⱼ|",
  },
  vi: {
    'page.title': 'gradscope: ổn định số học và khởi tạo',
    'page.tagline': 'Kéo σ và quan sát gradient của từng tầng tiêu biến hay bùng nổ ngay lập tức.',
    'lang.label': 'Ngôn ngữ',
    'grad.heading': 'Gradient qua từng tầng',
    'grad.intro':
      'Một mạng gồm L tầng, mỗi tầng tính h = φ(W h) và không có hệ số điều chỉnh, nhận vào một batch đầu vào ngẫu nhiên. Biểu đồ cho biết, ở mỗi tầng, độ lớn của gradient của hàm mất mát theo trọng số của tầng đó (màu xanh dương), độ lớn của tín hiệu lan truyền ngược mà tầng đó truyền xuống (màu đỏ), và độ phân tán của các giá trị trước hàm kích hoạt (màu xanh lá). Hãy thay đổi σ: khi các con số ở tầng 1 chênh lệch nhiều bậc lũy thừa của 10 so với tầng cuối, việc huấn luyện các tầng đầu gần như vô vọng.',
    'control.depth': 'Độ sâu L (số tầng)',
    'control.sigma': 'σ (độ lớn của trọng số)',
    'control.sigmaNumber': 'σ, giá trị chính xác',
    'control.activation': 'Hàm kích hoạt',
    'control.init': 'Bộ khởi tạo',
    'control.width': 'Độ rộng n (số nút ẩn mỗi tầng)',
    'control.batch': 'Batch B (số mẫu)',
    'control.seed': 'Hạt giống ngẫu nhiên (seed)',
    'control.newSeed': 'Seed ngẫu nhiên mới',
    'control.precision': 'Độ chính xác số thực',
    'control.showBackward': 'Hiện tín hiệu lan truyền ngược',
    'control.showForward': 'Hiện tín hiệu lan truyền xuôi',
    'control.theory': 'Hiện dự đoán lý thuyết (nét đứt)',
    'control.table': 'Hiện các con số dưới dạng bảng',
    'control.hideTable': 'Ẩn bảng',
    'act.sigmoid': 'sigmoid',
    'act.tanh': 'tanh',
    'act.relu': 'ReLU',
    'act.identity': 'đồng nhất (tuyến tính)',
    'init.normal': 'phân phối chuẩn N(0, σ²)',
    'init.uniform': 'phân phối đều, độ lệch chuẩn σ',
    'init.constant': 'hằng số c = σ',
    'init.mxnet-default': 'mặc định của MXNet U[−0,07; 0,07]',
    'init.pytorch-default': 'mặc định của PyTorch U[−1/√n; 1/√n]',
    'init.xavier-normal': 'Xavier (phân phối chuẩn)',
    'init.xavier-uniform': 'Xavier (phân phối đều)',
    'init.he-normal': 'He (Kaiming), phân phối chuẩn',
    'init.he-uniform': 'He (Kaiming), phân phối đều',
    'init.lecun-normal': 'LeCun, phân phối chuẩn',
    'init.lecun-uniform': 'LeCun, phân phối đều',
    'prec.f64': 'f64 (độ chính xác kép)',
    'prec.f32': 'f32 (độ chính xác đơn)',
    'role.stddev': 'σ là độ lệch chuẩn của mọi trọng số.',
    'role.value': 'Mọi trọng số đều bằng σ.',
    'role.gain': 'σ là hệ số nhân: nó nhân với thang đo riêng của phương pháp này (σ = 1 đúng như công bố gốc).',
    'role.ignored': 'Phương pháp này tự cố định thang đo: σ không được dùng.',
    'caps': 'Giới hạn: độ sâu {depth}, độ rộng {width}, batch {batch}, để thiết lập lớn nhất vẫn cho kết quả trong khoảng một giây.',
    'chart.title': 'Độ lớn gradient theo từng tầng',
    'chart.x': 'tầng l (1 = gần đầu vào nhất)',
    'chart.y': 'độ lớn (thang log)',
    'chart.grad': '‖∂ℓ/∂Wˡ‖ gradient theo trọng số',
    'chart.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B tín hiệu lan truyền ngược',
    'chart.forward': 'std(zˡ) tín hiệu lan truyền xuôi',
    'chart.theorySuffix': ' (lý thuyết)',
    'chart.underflow': 'tràn số dưới về 0',
    'chart.overflow': 'tràn số trên (∞ hoặc NaN)',
    'chart.alt': 'Biểu đồ độ lớn gradient theo từng tầng. {verdict} Bảng bên dưới liệt kê đúng các con số này.',
    'table.caption': 'Các con số mà biểu đồ vẽ, mỗi tầng một hàng',
    'table.layer': 'Tầng',
    'table.grad': '‖∂ℓ/∂Wˡ‖',
    'table.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B',
    'table.forward': 'std(zˡ)',
    'table.status': 'Trạng thái',
    'status.ok': 'bình thường',
    'status.underflow': 'tràn số dưới về 0',
    'status.overflow': 'tràn số trên',
    'verdict.vanishing': 'tiêu biến gradient',
    'verdict.stable': 'ổn định',
    'verdict.exploding': 'bùng nổ gradient',
    'verdict.ratio': 'Gradient ở tầng 1 bằng {ratio} lần gradient ở tầng {L}',
    'verdict.backward': 'tín hiệu lan truyền ngược thay đổi {factor} lần từ tầng {L} xuống tầng 1',
    'verdict.overflow': 'Các giá trị tràn số trên thành ∞ hoặc NaN kể từ tầng {layer} (đếm từ đầu ra)',
    'verdict.underflow': 'Gradient tràn số dưới về đúng 0 từ tầng {layer} trở xuống',
    'verdict.one': 'Với một tầng duy nhất thì không có gì để so sánh',
    'note.clamped': '{value} nằm ngoài khoảng {min} đến {max}; dùng {used}.',
    'note.invalid': '“{value}” không hợp lệ ở đây; dùng {used}.',
    'note.rounded': '{value} không phải số nguyên; dùng {used}.',
    'error.engine': 'Bộ máy tính toán không nhận thiết lập này: {message}',
    'error.load': 'Không tải được bộ máy WebAssembly: {message}',
    'loading': 'Đang tải bộ máy tính toán…',
    'note.gainReset': 'σ giờ là hệ số nhân và được đặt về 1, đúng như phương pháp gốc.',
    'pytorch.show': 'Chạy lại bằng PyTorch',
    'pytorch.hide': 'Ẩn mã PyTorch',
    'pytorch.copy': 'Sao chép mã',
    'pytorch.copied': 'Đã sao chép.',
    'pytorch.selected': 'Mã đã được chọn: nhấn Ctrl+C để sao chép.',
    'toc.title': 'Mục lục',
    'toc.label': 'Mục lục của chương',
    'prod.heading': "Bùng nổ: tích của các ma trận ngẫu nhiên",
    'prod.intro': "Bắt đầu từ một ma trận ngẫu nhiên n×n với các phần tử theo N(0, σ²) rồi nhân nó với k ma trận như thế nữa, giống như sách làm với n = 4, σ = 1 và k = 100. Mỗi thừa số kéo giãn tích một lượng ngẫu nhiên, và các lần kéo giãn này nhân dồn với nhau: các phần tử lớn lên theo cấp số nhân cho tới khi, ở độ chính xác đơn, chúng không còn biểu diễn được và thành ∞.",
    'prod.sigma': "σ (độ lệch chuẩn của mỗi phần tử)",
    'prod.sigmaNumber': "σ, giá trị chính xác",
    'prod.steps': "Số phép nhân k",
    'prod.size': "Kích thước ma trận n (n × n)",
    'prod.runAgain': "Chạy lại (seed mới)",
    'prod.first': "Một ma trận",
    'prod.product': "Sau khi nhân thêm {k} ma trận",
    'prod.summary': "Sau {k} phép nhân, phần tử lớn nhất là {max} và chuẩn Frobenius ‖M‖ là {fro} (phần tử lớn nhất của ma trận đầu: {first}).",
    'prod.overflowAt': "Ở {prec}, tích bị tràn số trên thành ∞ tại bước {k}.",
    'prod.underflowAt': "Ở {prec}, tích bị tràn số dưới về 0 tại bước {k}.",
    'prod.chart.title': "Độ lớn của tích theo từng bước",
    'prod.chart.x': "bước k (số phép nhân)",
    'prod.chart.y': "độ lớn (thang log)",
    'prod.chart.frobenius': "‖M‖ chuẩn Frobenius",
    'prod.chart.maxAbs': "max |Mᵢⱼ| phần tử lớn nhất",
    'prod.chart.alt': "Biểu đồ chuẩn Frobenius và phần tử lớn nhất của tích sau mỗi phép nhân, theo thang log. {summary} Bảng bên dưới liệt kê cùng các số đó.",
    'prod.table.caption': "Các số mà biểu đồ vẽ, mỗi bước một hàng",
    'prod.table.step': "Bước k",
  },
};

export const LANGS = Object.keys(STRINGS);

/** Looks up `key` in `lang` and fills in {placeholders}. A missing key shows as [key]. */
export function translate(lang, key, vars = {}) {
  const table = STRINGS[lang] || STRINGS.en;
  const template = table[key] ?? STRINGS.en[key];
  if (template === undefined) return `[${key}]`;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** The language to start in: ?lang= or #lang=, else the saved choice, else the browser's. */
export function initialLanguage(location, storage, navigatorLanguages) {
  const fromUrl = new URLSearchParams(location.search).get('lang')
    ?? new URLSearchParams(location.hash.replace(/^#/, '')).get('lang');
  if (fromUrl && LANGS.includes(fromUrl)) return fromUrl;
  let saved = null;
  try { saved = storage?.getItem('gradscope.lang'); } catch { /* storage can be blocked */ }
  if (saved && LANGS.includes(saved)) return saved;
  for (const l of navigatorLanguages || []) {
    if (/^vi\b/i.test(l)) return 'vi';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** Fills every element carrying data-i18n (text) or data-i18n-attr="attr:key;…" below `root`. */
export function applyTranslations(root, lang) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = translate(lang, el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), translate(lang, key.trim()));
    }
  }
}
