// The texts of the xavier cell (www/cells/xavier.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
  'xav.heading': 'Xavier initialization with layers of different widths',
  'xav.intro':
    'When a layer has n_in inputs and n_out outputs, the forward pass multiplies the variance by n_in·σ² and the backward pass multiplies the gradient’s variance by n_out·σ². Type a list of widths and compare three initializers: each chart shows the measured variance per layer (solid) and the prediction of the derivation (dashed).',
  'xav.widths': 'Widths n₀, n₁, …, n_L (comma-separated)',
  'xav.widthsHint': 'Each width from {min} to {max}; {minLayers} to {maxLayers} layers.',
  'xav.preset': 'Preset',
  'xav.preset.custom': 'your own list',
  'xav.preset.funnel': 'narrowing funnel',
  'xav.preset.bottleneck': 'bottleneck',
  'xav.preset.alternating': 'wide and narrow, alternating',
  'xav.preset.equal': 'all equal',
  'xav.init': 'Initializer shown',
  'xav.sigma': 'σ for N(0, σ²)',
  'xav.activation': 'Activation function',
  'xav.batch': 'Batch B',
  'xav.chartTitle': '{init}: variance per layer',
  'xav.chartX': 'layer l',
  'xav.chartY': 'variance (log scale)',
  'xav.forward': 'forward Var[zˡ]',
  'xav.backward': 'backward Var[∂ℓ/∂hˡ⁻¹]·B²',
  'xav.predicted': ' (theory)',
  'xav.alt': 'Chart of the forward and backward variance per layer for {init}. {summary} The table below lists the same numbers.',
  'xav.normalSummary':
    'With N(0, σ²) and σ = {sigma}, the forward factors n_in·σ² run from {fmin} to {fmax} and the backward factors n_out·σ² from {bmin} to {bmax}. Keeping the forward pass stable needs σ² = 1/n_in and keeping the backward pass stable needs σ² = 1/n_out; with these widths the two disagree by up to a factor of {ratio}, so no single σ does both.',
  'xav.normalSummaryEqual':
    'With N(0, σ²) and σ = {sigma}, every layer has n_in = n_out, so the forward factor n_in·σ² and the backward factor n_out·σ² are equal ({fmin} to {fmax}); σ² = 1/n makes both 1.',
  'xav.xavierSummary':
    'Xavier sets σ² = 2/(n_in + n_out), the compromise between 1/n_in and 1/n_out: every forward factor 2·n_in/(n_in + n_out) lies between {fmin} and {fmax} and every backward factor 2·n_out/(n_in + n_out) between {bmin} and {bmax}: each within a factor of {worst} of 1, and the two always add up to 2. Over the whole network the forward variance changes by {fprod} and the backward one by {bprod}.',
  'xav.compare': 'All three initializers, input to output',
  'xav.compareRow': '{init}: forward ×{fprod}, backward ×{bprod}',
  'xav.caption': 'Per-layer numbers for {init}',
  'xav.colLayer': 'layer',
  'xav.colFwd': 'Var[zˡ] measured',
  'xav.colFwdPred': 'Var[zˡ] theory',
  'xav.colBwd': 'backward measured',
  'xav.colBwdPred': 'backward theory',
  },
  vi: {
  'xav.heading': 'Khởi tạo Xavier với các tầng có độ rộng khác nhau',
  'xav.intro':
    'Khi một tầng có n_in đầu vào và n_out đầu ra, lan truyền xuôi nhân phương sai với n_in·σ² còn lan truyền ngược nhân phương sai của gradient với n_out·σ². Hãy nhập danh sách độ rộng và so sánh ba bộ khởi tạo: mỗi biểu đồ cho thấy phương sai đo được ở từng tầng (nét liền) và giá trị dự đoán từ phép suy luận (nét đứt).',
  'xav.widths': 'Độ rộng n₀, n₁, …, n_L (cách nhau bằng dấu phẩy)',
  'xav.widthsHint': 'Mỗi độ rộng từ {min} đến {max}; từ {minLayers} đến {maxLayers} tầng.',
  'xav.preset': 'Cấu hình có sẵn',
  'xav.preset.custom': 'danh sách của bạn',
  'xav.preset.funnel': 'phễu thu hẹp dần',
  'xav.preset.bottleneck': 'nút thắt cổ chai',
  'xav.preset.alternating': 'rộng và hẹp xen kẽ',
  'xav.preset.equal': 'bằng nhau',
  'xav.init': 'Bộ khởi tạo được hiển thị',
  'xav.sigma': 'σ của N(0, σ²)',
  'xav.activation': 'Hàm kích hoạt',
  'xav.batch': 'Kích thước batch B',
  'xav.chartTitle': '{init}: phương sai theo tầng',
  'xav.chartX': 'tầng l',
  'xav.chartY': 'phương sai (thang log)',
  'xav.forward': 'xuôi Var[zˡ]',
  'xav.backward': 'ngược Var[∂ℓ/∂hˡ⁻¹]·B²',
  'xav.predicted': ' (lý thuyết)',
  'xav.alt': 'Biểu đồ phương sai lan truyền xuôi và lan truyền ngược theo tầng với {init}. {summary} Bảng bên dưới liệt kê cùng các số đó.',
  'xav.normalSummary':
    'Với N(0, σ²) và σ = {sigma}, hệ số lan truyền xuôi n_in·σ² đi từ {fmin} đến {fmax} còn hệ số lan truyền ngược n_out·σ² từ {bmin} đến {bmax}. Giữ lan truyền xuôi ổn định cần σ² = 1/n_in, giữ lan truyền ngược ổn định cần σ² = 1/n_out; với các độ rộng này hai yêu cầu lệch nhau tới {ratio} lần, nên không một σ nào thỏa cả hai.',
  'xav.normalSummaryEqual':
    'Với N(0, σ²) và σ = {sigma}, mọi tầng có n_in = n_out nên hệ số xuôi n_in·σ² và hệ số ngược n_out·σ² bằng nhau (từ {fmin} đến {fmax}); σ² = 1/n làm cả hai bằng 1.',
  'xav.xavierSummary':
    'Xavier chọn σ² = 2/(n_in + n_out), điểm dung hòa giữa 1/n_in và 1/n_out: mọi hệ số xuôi 2·n_in/(n_in + n_out) nằm giữa {fmin} và {fmax}, mọi hệ số ngược 2·n_out/(n_in + n_out) nằm giữa {bmin} và {bmax}: mỗi hệ số cách 1 không quá {worst} lần, và tổng hai hệ số luôn bằng 2. Qua cả mạng, phương sai xuôi thay đổi {fprod} lần và phương sai ngược {bprod} lần.',
  'xav.compare': 'Cả ba bộ khởi tạo, từ đầu vào đến đầu ra',
  'xav.compareRow': '{init}: xuôi ×{fprod}, ngược ×{bprod}',
  'xav.caption': 'Các số theo tầng với {init}',
  'xav.colLayer': 'tầng',
  'xav.colFwd': 'Var[zˡ] đo được',
  'xav.colFwdPred': 'Var[zˡ] lý thuyết',
  'xav.colBwd': 'ngược đo được',
  'xav.colBwdPred': 'ngược lý thuyết',
  },
};

addStrings(TEXTS);
