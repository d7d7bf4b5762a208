// The texts of the default-init cell (www/cells/default-init.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
  'def.heading': "Default initialization in practice",
  'def.intro': "The same network three times, each started from a framework's default for a fully connected layer: MXNet's U[−0.07, 0.07] (biases zero, as in our bias-free model), PyTorch's U[−1/√n, 1/√n] and Keras' Xavier uniform. Change the depth, the width and the activation and compare the charts.",
  'def.open': "Open in the main widget",
  'def.gainOne': "Here σ = 1.",
  'def.table': "{init}: the numbers the chart draws, one row per layer",
  'def.chart.x': "layer l",
  'def.chart.alt': "Chart of the gradient per layer when the weights start from {init}. {verdict}",
  },
  vi: {
  'def.heading': "Khởi tạo mặc định trong thực tế",
  'def.intro': "Cùng một mạng ba lần, mỗi lần bắt đầu từ khởi tạo mặc định của một framework cho tầng kết nối đầy đủ: U[−0,07; 0,07] của MXNet (hệ số điều chỉnh bằng 0, như mô hình không có hệ số điều chỉnh của ta), U[−1/√n, 1/√n] của PyTorch và Xavier (phân phối đều) của Keras. Hãy đổi độ sâu, độ rộng và hàm kích hoạt rồi so sánh các biểu đồ.",
  'def.open': "Mở bằng công cụ chính",
  'def.gainOne': "Ở đây σ = 1.",
  'def.table': "{init}: các số mà biểu đồ vẽ, mỗi tầng một hàng",
  'def.chart.x': "tầng l",
  'def.chart.alt': "Biểu đồ gradient theo từng tầng khi trọng số bắt đầu từ {init}. {verdict}",
  },
};

addStrings(TEXTS);
