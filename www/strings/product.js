// The texts of the product cell (www/cells/product.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
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
  },
  vi: {
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

addStrings(TEXTS);
