// The texts of the sigmoid cell (www/cells/sigmoid.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
  'sig.heading': "The sigmoid and its derivative",
  'sig.intro': "Move the pointer over the chart (or drag the slider, or focus the chart and use the arrow keys) to read σ(x) and σ′(x) at any x. The derivative is largest at x = 0, where it is only 1/4, and it is almost 0 as soon as |x| is a few units: the sigmoid's own factor in each layer the gradient passes through is at most 1/4 (the weights multiply it too, and large weights can amplify it).",
  'sig.x': "x (the point read out)",
  'sig.xNumber': "x, exact value",
  'sig.keys': "Chart focused: ← and → move x by 0.1, with Shift by 1; Home and End jump to −8 and 8.",
  'sig.chart.title': "σ(x) = 1/(1 + e⁻ˣ) and σ′(x)",
  'sig.chart.y': "value",
  'sig.chart.derivative': "derivative σ′(x)",
  'sig.chart.max': "largest σ′: σ′(0) = 1/4",
  'sig.chart.alt': "Chart of the sigmoid and its derivative from x = −8 to 8. At x = {x}: σ(x) = {value}, σ′(x) = {derivative}. The table below lists the values at whole x.",
  'sig.table.caption': "σ(x) and σ′(x) at whole numbers x from −8 to 8",
  },
  vi: {
  'sig.heading': "Hàm sigmoid và đạo hàm của nó",
  'sig.intro': "Di chuyển con trỏ trên biểu đồ (hoặc kéo thanh trượt, hoặc chọn biểu đồ rồi dùng các phím mũi tên) để đọc σ(x) và σ′(x) tại mọi x. Đạo hàm lớn nhất tại x = 0, nơi nó chỉ bằng 1/4, và gần như bằng 0 ngay khi |x| lớn hơn vài đơn vị: ở mỗi tầng mà gradient đi qua, riêng hệ số của sigmoid không quá 1/4 (trọng số cũng nhân vào gradient, và trọng số lớn có thể khuếch đại nó).",
  'sig.x': "x (điểm được đọc)",
  'sig.xNumber': "x, giá trị chính xác",
  'sig.keys': "Khi biểu đồ được chọn: ← và → dời x 0,1, giữ Shift để dời 1; Home và End nhảy tới −8 và 8.",
  'sig.chart.title': "σ(x) = 1/(1 + e⁻ˣ) và σ′(x)",
  'sig.chart.y': "giá trị",
  'sig.chart.derivative': "đạo hàm σ′(x)",
  'sig.chart.max': "σ′ lớn nhất: σ′(0) = 1/4",
  'sig.chart.alt': "Biểu đồ hàm sigmoid và đạo hàm của nó từ x = −8 đến 8. Tại x = {x}: σ(x) = {value}, σ′(x) = {derivative}. Bảng bên dưới liệt kê các giá trị tại các x nguyên.",
  'sig.table.caption': "σ(x) và σ′(x) tại các số nguyên x từ −8 đến 8",
  },
};

addStrings(TEXTS);
