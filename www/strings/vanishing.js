// The texts of the vanishing cell (www/cells/vanishing-preset.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
  'van.heading': "The same deep network with sigmoid and with ReLU",
  'van.intro': "Both networks have the same depth, width 64, the same weights N(0, σ²) and the same inputs; only the activation function differs. The sigmoid's derivative is at most 1/4, so its gradient shrinks layer after layer; ReLU passes it through wherever a unit is active.",
  'van.sigma': "σ (shared by both networks)",
  'van.sigmaHint': "It starts at σ = √(2/64) ≈ 0.177, He's scale for ReLU at width 64. Both views are read-only: open either one in the main widget to change anything else.",
  'van.open': "Open in the main widget",
  'van.table.sigmoid': "Sigmoid network: the numbers the chart draws, one row per layer",
  'van.table.relu': "ReLU network: the numbers the chart draws, one row per layer",
  'van.chart.x': "layer l",
  'van.chart.alt': "Chart of the gradient per layer of the {side} network. {verdict}",
  },
  vi: {
  'van.heading': "Cùng một mạng sâu với sigmoid và với ReLU",
  'van.intro': "Hai mạng có cùng độ sâu, độ rộng 64, cùng trọng số N(0, σ²) và cùng dữ liệu vào; chỉ hàm kích hoạt là khác. Đạo hàm của sigmoid không quá 1/4 nên gradient của nó co lại qua từng tầng; ReLU để gradient đi qua nguyên vẹn ở mọi nút đang hoạt động.",
  'van.sigma': "σ (dùng chung cho cả hai mạng)",
  'van.sigmaHint': "Giá trị ban đầu là σ = √(2/64) ≈ 0,177, độ lớn của He cho ReLU ở độ rộng 64. Hai ô này chỉ để xem: hãy mở một trong hai bằng công cụ chính để thay đổi các thiết lập khác.",
  'van.open': "Mở bằng công cụ chính",
  'van.table.sigmoid': "Mạng sigmoid: các số mà biểu đồ vẽ, mỗi tầng một hàng",
  'van.table.relu': "Mạng ReLU: các số mà biểu đồ vẽ, mỗi tầng một hàng",
  'van.chart.x': "tầng l",
  'van.chart.alt': "Biểu đồ gradient theo từng tầng của mạng {side}. {verdict}",
  },
};

addStrings(TEXTS);
