// The texts of the spectrum cell (www/cells/spectrum.js), in both languages: loaded with
// it, not with the page (www/i18n.js `addStrings`).
import { addStrings } from '../i18n.js';

export const TEXTS = {
  en: {
  'svd.heading': "Exercise 3: the singular values of a product",
  'svd.intro': "The book asks for bounds on the eigenvalues of a product of two matrices. Draw two random n×n matrices A and B with N(0, σ²) entries. A stretches a vector by at most its largest singular value σ_max(A) and at least by its smallest, σ_min(A); so AB stretches by at most σ_max(A)·σ_max(B) and at least σ_min(A)·σ_min(B). Every singular value of AB lies between these two numbers, and every eigenvalue of AB is no larger in modulus than σ_max(AB).",
  'svd.size': "Size n (A and B are n×n)",
  'svd.sigma': "σ (standard deviation of every entry)",
  'svd.sigmaNumber': "σ, exact value",
  'svd.newSeed': "New random matrices",
  'svd.colHornUpper': "upper bound on σᵢ(AB) (Horn)",
  'svd.colHornLower': "lower bound on σᵢ(AB)",
  'svd.rowBounds': "bounds",
  'svd.rowLogDet': "log₁₀ of the product",
  'svd.boundsHold': "The bounds hold: every singular value of AB lies between σ_min(A)·σ_min(B) = {minA} × {minB} = {lower} and σ_max(A)·σ_max(B) = {maxA} × {maxB} = {upper}; here σ_max(AB) = {maxAB} and σ_min(AB) = {minAB}.",
  'svd.boundsFail': "The computed numbers cross a bound by more than rounding: σ_max(AB) = {maxAB} against {upper}, σ_min(AB) = {minAB} against {lower}.",
  'svd.eigSentence': "The eigenvalues of AB have moduli from {eigMin} to {eigMax}, inside [σ_min(AB), σ_max(AB)].",
  'svd.detSentence': "Their product is the product of the singular values: log₁₀|det AB| = {logDetAB} = log₁₀|det A| + log₁₀|det B| = {logDetA} + {logDetB}.",
  'svd.productSentence': "What this says about a product of many matrices: each factor can stretch a vector by up to its σ_max, here σ_max(A) = {maxA} (near the edge 2σ√n = {edge}), so a product of 100 such factors may grow by up to about {decades} powers of ten. That is the room the chapter's product explodes in. The bound is a worst case: here σ_max(AB) is {share}% of σ_max(A)·σ_max(B), because the directions B stretches most are not those A stretches most. To keep gradients well conditioned, every factor's singular values must stay near 1.",
  'svd.alt': "Chart, on a logarithmic scale, of the {n} singular values of A, B and AB and the eigenvalue moduli of AB, with the two bounds as horizontal lines. {summary}",
  'svd.caption': "The numbers the chart draws (n = {n}, σ = {sigma}, seed {seed}), largest first",
  'svd.chartTitle': "Singular values of A, B and AB (n = {n})",
  'svd.chartTitleShort': "σᵢ of A, B, AB",
  'svd.chartX': "index i (largest first)",
  'svd.chartY': "value",
  },
  vi: {
  'svd.heading': "Bài tập 3: giá trị suy biến của một tích",
  'svd.intro': "Sách hỏi về các cận của trị riêng của tích hai ma trận. Lấy hai ma trận ngẫu nhiên A và B cỡ n×n với các phần tử theo N(0, σ²). A kéo giãn một vector nhiều nhất bằng giá trị suy biến lớn nhất σ_max(A) và ít nhất bằng giá trị suy biến nhỏ nhất σ_min(A); vì vậy AB kéo giãn nhiều nhất σ_max(A)·σ_max(B) và ít nhất σ_min(A)·σ_min(B). Mọi giá trị suy biến của AB đều nằm giữa hai số này, và mọi trị riêng của AB có môđun không vượt quá σ_max(AB).",
  'svd.size': "Kích thước n (A và B cỡ n×n)",
  'svd.sigma': "σ (độ lệch chuẩn của mỗi phần tử)",
  'svd.sigmaNumber': "σ, giá trị chính xác",
  'svd.newSeed': "Ma trận ngẫu nhiên mới",
  'svd.colHornUpper': "cận trên của σᵢ(AB) (Horn)",
  'svd.colHornLower': "cận dưới của σᵢ(AB)",
  'svd.rowBounds': "các cận",
  'svd.rowLogDet': "log₁₀ của tích",
  'svd.boundsHold': "Các cận đều đúng: mọi giá trị suy biến của AB nằm giữa σ_min(A)·σ_min(B) = {minA} × {minB} = {lower} và σ_max(A)·σ_max(B) = {maxA} × {maxB} = {upper}; ở đây σ_max(AB) = {maxAB} và σ_min(AB) = {minAB}.",
  'svd.boundsFail': "Các số tính được vượt qua một cận nhiều hơn sai số làm tròn: σ_max(AB) = {maxAB} so với {upper}, σ_min(AB) = {minAB} so với {lower}.",
  'svd.eigSentence': "Các trị riêng của AB có môđun từ {eigMin} đến {eigMax}, nằm trong [σ_min(AB), σ_max(AB)].",
  'svd.detSentence': "Tích của chúng bằng tích các giá trị suy biến: log₁₀|det AB| = {logDetAB} = log₁₀|det A| + log₁₀|det B| = {logDetA} + {logDetB}.",
  'svd.productSentence': "Điều này nói gì về tích của nhiều ma trận: mỗi thừa số có thể kéo giãn một vector tới σ_max của nó, ở đây σ_max(A) = {maxA} (gần biên 2σ√n = {edge}), nên tích của 100 thừa số như vậy có thể lớn lên tới khoảng {decades} bậc lũy thừa của mười. Đó là khoảng trống để tích trong chương bùng nổ. Cận này là trường hợp xấu nhất: ở đây σ_max(AB) bằng {share}% của σ_max(A)·σ_max(B), vì các hướng mà B kéo giãn nhiều nhất không trùng với các hướng mà A kéo giãn nhiều nhất. Để gradient được điều kiện hóa tốt, các giá trị suy biến của mọi thừa số phải ở gần 1.",
  'svd.alt': "Biểu đồ, theo thang logarit, của {n} giá trị suy biến của A, B và AB và môđun các trị riêng của AB, với hai cận là các đường nằm ngang. {summary}",
  'svd.caption': "Các số mà biểu đồ vẽ (n = {n}, σ = {sigma}, seed {seed}), lớn nhất trước",
  'svd.chartTitle': "Giá trị suy biến của A, B và AB (n = {n})",
  'svd.chartTitleShort': "σᵢ của A, B, AB",
  'svd.chartX': "chỉ số i (lớn nhất trước)",
  'svd.chartY': "giá trị",
  },
};

addStrings(TEXTS);
