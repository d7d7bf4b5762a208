// The page's words in English and Vietnamese. Every text a student reads comes from here,
// including the texts drawn inside the canvases. Vietnamese terms follow shared/GLOSSARY.md.

const sup = (x) => {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const k = Math.round(x);
  const s = String(Math.abs(k)).replace(/\d/g, (d) => digits[d]);
  return (k < 0 ? '⁻' : '') + s; // -0.3 rounds to (minus) zero: 10⁰, not 10⁻⁰
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

/** The texts that read the same in every language: symbols, formulas, names and file formats. */
const NEUTRAL = {
  'control.valuetext': '{name} = {value}{unit}',
  'symbol.sigma': 'σ',
  'symbol.depth': 'L',
  'symbol.x': 'x',
  'symbol.alpha': 'α',
  'symbol.learning_rate': 'η',
  'symbol.spread': 's',
  'symbol.steps': 'T',
  'act.sigmoid': 'sigmoid',
  'act.tanh': 'tanh',
  'act.relu': 'ReLU',
  'table.grad': '‖∂ℓ/∂Wˡ‖',
  'table.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B',
  'table.forward': 'std(zˡ)',
  'export.png': 'PNG (2×)',
  'export.svg': 'SVG',
  'export.csv': 'CSV',
  'share.python': 'Python (Jupyter)',
  'prod.table.frobenius': "‖M‖ (Frobenius)",
  'prod.table.maxAbs': "max |Mᵢⱼ|",
  'xav.seed': 'Seed',
  'xav.colWidths': 'n_in → n_out',
  'xav.colFwdFactor': 'n_in·Var[w]',
  'xav.colBwdFactor': 'n_out·Var[w]',
  'sig.chart.value': "sigmoid σ(x)",
  'sig.table.x': 'x',
  'sig.table.value': 'σ(x)',
  'sig.table.derivative': 'σ′(x)',
  'van.side.sigmoid': "sigmoid",
  'van.side.relu': "ReLU",
  'svd.colIndex': "i",
  'svd.colA': "σᵢ(A)",
  'svd.colB': "σᵢ(B)",
  'svd.colAB': "σᵢ(AB)",
  'svd.colEig': "|λᵢ(AB)|",
  'svd.boundsCell': "σ_max(A)·σ_max(B) = {upper}; σ_min(A)·σ_min(B) = {lower}",
  'svd.legendA': "σᵢ(A)",
  'svd.legendB': "σᵢ(B)",
  'svd.legendAB': "σᵢ(AB)",
  'svd.legendEig': "|λᵢ(AB)|",
  'svd.legendUpper': "σ_max(A)·σ_max(B)",
  'svd.legendLower': "σ_min(A)·σ_min(B)",
  'resc.colWeight': '‖Wˡ‖',
  'resc.colGrad': '‖∂ℓ/∂Wˡ‖',
};

export const STRINGS = {
  en: {
    ...NEUTRAL,
    'page.title': 'gradscope: numerical stability and initialization',
    'page.tagline': 'Drag σ and watch the gradient of every layer vanish or explode, live.',
    'lang.label': 'Language',
    'theme.label': 'Theme',
    'theme.auto': 'Auto (as the system)',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'theme.projector': 'Projector (large, high contrast)',
    'skip.main': 'Skip to the main widget',
    'number.decimalMark': '.',
    'symbol.speed': 'speed',
    'unit.steps': 'steps',
    'unit.classes': 'classes',
    'unit.layers': 'layers',
    'unit.units': 'units',
    'unit.examples': 'examples',
    'unit.products': 'products',
    'unit.rows': 'rows',
    'unit.steps per frame': 'steps per frame',
    'unit.columns': 'columns',
    'pytorch.codeLabel': 'PyTorch code',
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
    'chart.preview': 'Preview from {b} of {B} examples; exact picture on its way',
    'chart.underflow': 'underflow to 0',
    'chart.overflow': 'overflow (∞ or NaN)',
    'chart.alt': 'Chart of the gradient magnitude per layer. {verdict} The table below lists the same numbers.',
    'table.caption': 'The numbers the chart draws, one row per layer',
    'table.layer': 'Layer',
    'table.status': 'Status',
    'status.ok': 'ok',
    'status.underflow': 'underflow to 0',
    'status.overflow': 'overflow',
    'verdict.vanishing': 'vanishing gradient',
    'verdict.stable': 'stable',
    'verdict.exploding': 'exploding gradient',
    'verdict.ratio': 'The gradient at layer 1 is {ratio} of that at layer {L}',
    'verdict.backward': 'the backward signal changes by a factor {factor} from layer {L} down to layer 1',
    'verdict.overflow': 'Values overflow to ∞ or NaN as high up as layer {layer} (layers are numbered from the input: layer 1 is next to it)',
    'verdict.underflow': 'From layer {layer} down, the gradient underflows to exactly 0 (the weight gradient, or the backward signal the layer passes down)',
    'verdict.one': 'With a single layer there is nothing to compare',
    'note.clamped': '{value} is outside {min} to {max}; using {used}.',
    'note.invalid': '“{value}” is not valid here; using {used}.',
    'note.rounded': '{value} is not a whole number; using {used}.',
    'note.list': 'Fixed the list: {fixes}. Using {used}.',
    'note.listInvalid': '“{value}” is not a number, so {used}',
    'note.listClamped': '{value} is outside {min} to {max}, so {used}',
    'note.listRounded': '{value} is not whole, so {used}',
    'note.listLong': 'only the first {max} entries are used',
    'note.listShort': 'at least {min} entries are needed, so the default is used',
    'error.engine': 'The engine refused this setting: {message}',
    'error.trap': 'The engine stopped unexpectedly. The other cells are not affected.',
    'error.reload': 'Reload this cell',
    'error.range': '{field}: {value} is outside the range {min} to {max}',
    'error.choice': '{field}: “{value}” is not one of {choices}',
    'error.load': 'The WebAssembly engine could not be loaded: {message}',
    'loading': 'Loading the engine…',
    'note.gainReset': 'σ is now a gain and was set to 1, the scheme as published.',
    'pytorch.show': 'Reproduce in PyTorch',
    'pytorch.hide': 'Hide the PyTorch code',
    'pytorch.copy': 'Copy the code',
    'pytorch.copied': 'Copied.',
    'export.group': 'Download',
    'share.open': 'Share / embed',
    'share.title': 'Share or embed this cell, as it is now',
    'share.lock': 'Lock (shown, not changeable)',
    'share.hide': 'Hide',
    'share.part.table': 'the table',
    'share.part.pytorch': 'the PyTorch code',
    'share.part.verdict': 'the verdict',
    'share.part.export': 'the download buttons',
    'share.part.share': 'this button',
    'share.link': 'Link to the notebook',
    'share.iframe': 'Iframe (LMS pages, any site)',
    'share.element': 'Element (pages that allow scripts)',
    'share.copy': 'Copy',
    'share.copied': 'Copied.',
    'share.close': 'Close',
    'embed.fullscreen': 'Full screen',
    'embed.newTab': 'Open in a new tab',
    'embed.unknownCell': 'There is no cell “{value}”; showing “{used}”.',
    'embed.badOption': '“{value}” is not a valid {option}; using “{used}”.',
    'embed.unknownName': '“{value}” is not a field or part of this cell; ignored.',
    'embed.unknownKey': '“{value}” in the address is not a setting of this cell; ignored.',
    'pytorch.selected': 'The code is selected: press Ctrl+C to copy it.',
    'toc.title': 'Contents',
    'toc.label': 'Table of contents',
    "train.step": "One step",
    "train.reset": "Reset",
    'gain.below': 'Per-layer gain of the backward signal (mean-field theory): √(n·v·E[φ′(z)²]) = {gain}, below 1: each layer shrinks the gradient.',
    'gain.above': 'Per-layer gain of the backward signal (mean-field theory): √(n·v·E[φ′(z)²]) = {gain}, above 1: each layer enlarges the gradient.',
    'gain.at': 'Per-layer gain of the backward signal (mean-field theory): √(n·v·E[φ′(z)²]) = {gain}, about 1: the gradient keeps its size.',
    'gain.none': 'Per-layer gain: mean-field theory does not cover constant weights (they have a mean).',
  },
  vi: {
    ...NEUTRAL,
    'page.title': 'gradscope: ổn định số học và khởi tạo',
    'page.tagline': 'Kéo σ và quan sát gradient của từng tầng tiêu biến hay bùng nổ ngay lập tức.',
    'lang.label': 'Ngôn ngữ',
    'theme.label': 'Giao diện',
    'theme.auto': 'Tự động (theo hệ thống)',
    'theme.light': 'Sáng',
    'theme.dark': 'Tối',
    'theme.projector': 'Máy chiếu (chữ lớn, tương phản cao)',
    'skip.main': 'Đi tới công cụ chính',
    'number.decimalMark': ',',
    'symbol.speed': 'tốc độ',
    'unit.steps': 'bước',
    'unit.classes': 'lớp',
    'unit.layers': 'tầng',
    'unit.units': 'nút',
    'unit.examples': 'mẫu',
    'unit.products': 'phép nhân',
    'unit.rows': 'hàng',
    'unit.steps per frame': 'bước mỗi khung hình',
    'unit.columns': 'cột',
    'pytorch.codeLabel': 'Mã PyTorch',
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
    'role.gain': 'σ là hệ số nhân: nó nhân với độ lớn riêng của phương pháp này (σ = 1 đúng như công bố gốc).',
    'role.ignored': 'Phương pháp này tự cố định độ lớn: σ không được dùng.',
    'caps': 'Giới hạn: độ sâu {depth}, độ rộng {width}, batch {batch}, để thiết lập lớn nhất vẫn cho kết quả trong khoảng một giây.',
    'chart.title': 'Độ lớn gradient theo từng tầng',
    'chart.x': 'tầng l (1 = gần đầu vào nhất)',
    'chart.y': 'độ lớn (thang log)',
    'chart.grad': '‖∂ℓ/∂Wˡ‖ gradient theo trọng số',
    'chart.backward': '‖∂ℓ/∂hˡ⁻¹‖/√B tín hiệu lan truyền ngược',
    'chart.forward': 'std(zˡ) tín hiệu lan truyền xuôi',
    'chart.theorySuffix': ' (lý thuyết)',
    'chart.preview': 'Xem trước từ {b} trên {B} mẫu; hình chính xác đang được tính',
    'chart.underflow': 'tràn số dưới về 0',
    'chart.overflow': 'tràn số trên (∞ hoặc NaN)',
    'chart.alt': 'Biểu đồ độ lớn gradient theo từng tầng. {verdict} Bảng bên dưới liệt kê đúng các con số này.',
    'table.caption': 'Các con số mà biểu đồ vẽ, mỗi tầng một hàng',
    'table.layer': 'Tầng',
    'table.status': 'Trạng thái',
    'status.ok': 'bình thường',
    'status.underflow': 'tràn số dưới về 0',
    'status.overflow': 'tràn số trên',
    'verdict.vanishing': 'tiêu biến gradient',
    'verdict.stable': 'ổn định',
    'verdict.exploding': 'bùng nổ gradient',
    'verdict.ratio': 'Gradient ở tầng 1 bằng {ratio} lần gradient ở tầng {L}',
    'verdict.backward': 'tín hiệu lan truyền ngược thay đổi {factor} lần từ tầng {L} xuống tầng 1',
    'verdict.overflow': 'Các giá trị tràn số trên thành ∞ hoặc NaN, lên tới tận tầng {layer} (các tầng được đánh số từ đầu vào: tầng 1 nằm sát đầu vào)',
    'verdict.underflow': 'Từ tầng {layer} trở xuống, gradient tràn số dưới về đúng 0 (gradient theo trọng số, hoặc tín hiệu lan truyền ngược mà tầng đó truyền xuống)',
    'verdict.one': 'Với một tầng duy nhất thì không có gì để so sánh',
    'note.clamped': '{value} nằm ngoài khoảng {min} đến {max}; dùng {used}.',
    'note.invalid': '“{value}” không hợp lệ ở đây; dùng {used}.',
    'note.rounded': '{value} không phải số nguyên; dùng {used}.',
    'note.list': 'Đã sửa danh sách: {fixes}. Đang dùng {used}.',
    'note.listInvalid': '“{value}” không phải là số nên dùng {used}',
    'note.listClamped': '{value} nằm ngoài khoảng {min} đến {max} nên dùng {used}',
    'note.listRounded': '{value} không phải số nguyên nên dùng {used}',
    'note.listLong': 'chỉ dùng {max} mục đầu tiên',
    'note.listShort': 'cần ít nhất {min} mục nên dùng danh sách mặc định',
    'error.engine': 'Bộ máy tính toán không nhận thiết lập này: {message}',
    'error.trap': 'Bộ máy tính toán dừng đột ngột. Các ô khác không bị ảnh hưởng.',
    'error.reload': 'Tải lại ô này',
    'error.range': '{field}: {value} nằm ngoài khoảng {min} đến {max}',
    'error.choice': '{field}: “{value}” không thuộc các lựa chọn {choices}',
    'error.load': 'Không tải được bộ máy WebAssembly: {message}',
    'loading': 'Đang tải bộ máy tính toán…',
    'note.gainReset': 'σ giờ là hệ số nhân và được đặt về 1, đúng như phương pháp gốc.',
    'pytorch.show': 'Xem mã PyTorch',
    'pytorch.hide': 'Ẩn mã PyTorch',
    'pytorch.copy': 'Sao chép mã',
    'pytorch.copied': 'Đã sao chép.',
    'export.group': 'Tải xuống',
    'share.open': 'Chia sẻ / nhúng',
    'share.title': 'Chia sẻ hoặc nhúng ô này, với trạng thái hiện tại',
    'share.lock': 'Khóa (vẫn hiện, không đổi được)',
    'share.hide': 'Ẩn',
    'share.part.table': 'bảng số',
    'share.part.pytorch': 'mã PyTorch',
    'share.part.verdict': 'kết luận',
    'share.part.export': 'các nút tải xuống',
    'share.part.share': 'nút này',
    'share.link': 'Liên kết tới sổ tay',
    'share.iframe': 'Iframe (trang LMS, mọi trang web)',
    'share.element': 'Phần tử (trang cho phép chạy script)',
    'share.copy': 'Sao chép',
    'share.copied': 'Đã sao chép.',
    'share.close': 'Đóng',
    'embed.fullscreen': 'Toàn màn hình',
    'embed.newTab': 'Mở trong thẻ mới',
    'embed.unknownCell': 'Không có ô “{value}”; đang hiện ô “{used}”.',
    'embed.badOption': '“{value}” không phải giá trị {option} hợp lệ; dùng “{used}”.',
    'embed.unknownName': '“{value}” không phải tham số hay thành phần của ô này; bỏ qua.',
    'embed.unknownKey': '“{value}” trong địa chỉ không phải tham số của ô này; bỏ qua.',
    'pytorch.selected': 'Mã đã được chọn: nhấn Ctrl+C để sao chép.',
    'toc.title': 'Mục lục',
    'toc.label': 'Mục lục của chương',
    "train.step": "Một bước",
    "train.reset": "Đặt lại",
    'gain.below': 'Hệ số khuếch đại mỗi tầng của tín hiệu lan truyền ngược (lý thuyết trường trung bình): √(n·v·E[φ′(z)²]) = {gain}, nhỏ hơn 1: mỗi tầng làm gradient nhỏ đi.',
    'gain.above': 'Hệ số khuếch đại mỗi tầng của tín hiệu lan truyền ngược (lý thuyết trường trung bình): √(n·v·E[φ′(z)²]) = {gain}, lớn hơn 1: mỗi tầng làm gradient lớn thêm.',
    'gain.at': 'Hệ số khuếch đại mỗi tầng của tín hiệu lan truyền ngược (lý thuyết trường trung bình): √(n·v·E[φ′(z)²]) = {gain}, xấp xỉ 1: gradient giữ nguyên độ lớn.',
    'gain.none': 'Hệ số khuếch đại mỗi tầng: lý thuyết trường trung bình không áp dụng cho trọng số hằng số (chúng có trung bình khác 0).',
  },
};

export const LANGS = Object.keys(STRINGS);

/**
 * Adds a part's texts (`{en: {key: text}, vi: {…}}`, from www/strings/) to STRINGS. Each cell
 * beyond the main widget, and the lesson's questions, bring their own texts, loaded with their
 * code: a page that shows the main widget alone does not download the rest of the notebook's.
 */
export function addStrings(texts) {
  for (const lang of LANGS) Object.assign(STRINGS[lang], texts[lang]);
}

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
