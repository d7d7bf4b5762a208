// The lesson's prompts, in English and Vietnamese: for every section of www/content/sections.js,
// predictions the student commits to before a live cell answers them, and a short quiz that ends
// the section. Written for gradscope; Vietnamese terms follow shared/GLOSSARY.md and
// docs/glossary.md. Math is TeX between \( … \), rendered like the notebook's prose.
//
// A prediction: {id, section, before (the cell slot it precedes), kind: 'number' | 'choice',
//   answer (a function name in www/lesson/answers.js, run at reveal time), prompt, label (the
//   input's label, for a number), choices (for a choice: [{id, text}]), digits, explain}.
// A quiz: {section, questions: [{id, prompt, options: [{id, text, correct?, why}]}]}: every
//   option carries its explanation, shown once the student has answered.
// Texts are {en, vi}; `prompt`, `explain`, `why` and option texts may hold HTML and math.
// "Show me" links (class "show-me") carry data-show (the cell) and data-set (field=value;…).

const r = String.raw;

export const PREDICTIONS = [
  {
    id: 'relu-decades',
    section: 'vanishing-exploding',
    before: 'gradients',
    kind: 'number',
    answer: 'reluDecadesPerLayer',
    digits: 2,
    prompt: {
      en: r`<strong>Predict first.</strong> A ReLU network of width \(n = 64\) and depth 30, weights \(\mathcal{N}(0, 1)\) (so \(\sigma = 1\)). Going down one layer, by how many powers of ten does the red backward signal grow? (0 means it stays level, 1 means ×10 per layer.)`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Một mạng ReLU có độ rộng \(n = 64\) và độ sâu 30, trọng số \(\mathcal{N}(0, 1)\) (tức \(\sigma = 1\)). Mỗi khi đi xuống một tầng, tín hiệu ngược màu đỏ tăng thêm bao nhiêu bậc lũy thừa của 10? (0 nghĩa là nằm ngang, 1 nghĩa là gấp 10 lần mỗi tầng.)`,
    },
    label: { en: 'Powers of ten per layer', vi: 'Số bậc lũy thừa của 10 mỗi tầng' },
    explain: {
      en: r`Each layer multiplies the backward signal by about \(\sqrt{n\sigma^2/2}\): \(n\sigma^2\) from the weights, halved because ReLU switches off half the units. That is \(\log_{10}\sqrt{32}\approx0.75\) powers of ten per layer, about 22 over 29 layers. <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=normal;sigma=1;width=64;depth=30">Show me: ReLU, σ = 1, width 64</a>.`,
      vi: r`Mỗi tầng nhân tín hiệu ngược với khoảng \(\sqrt{n\sigma^2/2}\): \(n\sigma^2\) đến từ trọng số, chia đôi vì ReLU tắt một nửa số nút. Tức là \(\log_{10}\sqrt{32}\approx0{,}75\) bậc mỗi tầng, chừng 22 bậc qua 29 tầng. <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=normal;sigma=1;width=64;depth=30">Cho tôi xem: ReLU, σ = 1, độ rộng 64</a>.`,
    },
  },
  {
    id: 'sigmoid-lost',
    section: 'vanishing',
    before: 'vanishing-preset',
    kind: 'number',
    answer: 'sigmoidDecadesLost',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> The preset below starts with depth 30, width 64 and \(\sigma = \sqrt{2/64}\approx0.177\). In the sigmoid network, how many powers of ten does the backward signal lose between layer 30 and layer 1?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Thiết lập dựng sẵn bên dưới bắt đầu với độ sâu 30, độ rộng 64 và \(\sigma = \sqrt{2/64}\approx0{,}177\). Ở mạng sigmoid, tín hiệu ngược mất bao nhiêu bậc lũy thừa của 10 từ tầng 30 về tầng 1?`,
    },
    label: { en: 'Powers of ten lost', vi: 'Số bậc lũy thừa của 10 bị mất' },
    explain: {
      en: r`Near 0 the sigmoid's derivative is \(1/4\) and the weights contribute \(\sigma\sqrt{n}\approx1.41\), so each layer keeps only about \(0.35\) of the signal: roughly 0.45 powers of ten per layer, 13 over 29 layers. Units away from 0 have an even smaller derivative, which is why the engine finds a little more.`,
      vi: r`Gần 0, đạo hàm của sigmoid bằng \(1/4\) và trọng số góp hệ số \(\sigma\sqrt{n}\approx1{,}41\), nên mỗi tầng chỉ giữ lại chừng \(0{,}35\) tín hiệu: khoảng 0,45 bậc mỗi tầng, 13 bậc qua 29 tầng. Các nút ở xa 0 có đạo hàm còn nhỏ hơn, vì thế bộ máy tính toán cho con số lớn hơn một chút.`,
    },
  },
  {
    id: 'product-largest',
    section: 'exploding',
    before: 'product',
    kind: 'number',
    answer: 'productLargestExponent',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> Start from one random \(4\times4\) matrix with \(\mathcal{N}(0, 1)\) entries and multiply it by 100 more (seed 1, f64). After the 100 products, the largest entry is about \(10^k\). What is \(k\)?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Bắt đầu từ một ma trận ngẫu nhiên \(4\times4\) có các phần tử \(\mathcal{N}(0, 1)\) rồi nhân nó với 100 ma trận như thế nữa (seed 1, f64). Sau 100 phép nhân, phần tử lớn nhất cỡ \(10^k\). \(k\) bằng bao nhiêu?`,
    },
    label: { en: 'The exponent k', vi: 'Số mũ k' },
    explain: {
      en: r`The theory's growth rate is \(\lambda\approx0.558\) per product in natural logarithms, about 0.24 powers of ten; over the 101 matrices that gives roughly \(10^{24.5}\) for the norm. One run scatters by a few powers of ten around it. <a href="#slot-product" class="show-me" data-show="product" data-set="steps=100;size=4;sigma=1;seed=1;precision=f64">Show me this run</a>.`,
      vi: r`Theo lý thuyết, tốc độ tăng là \(\lambda\approx0{,}558\) mỗi phép nhân theo logarit tự nhiên, khoảng 0,24 bậc lũy thừa của 10; qua 101 ma trận, chuẩn của tích cỡ \(10^{24{,}5}\). Mỗi lần chạy lệch quanh giá trị đó vài bậc. <a href="#slot-product" class="show-me" data-show="product" data-set="steps=100;size=4;sigma=1;seed=1;precision=f64">Cho tôi xem lần chạy này</a>.`,
    },
  },
  {
    id: 'symmetry-gap',
    section: 'symmetry',
    before: 'symmetry',
    kind: 'choice',
    answer: 'symmetryGap',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> Two hidden units, every weight starting at 0.5, no dropout, 200 steps of gradient descent. At the end, how far apart are the two units' incoming weights?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Hai nút ẩn, mọi trọng số bắt đầu bằng 0,5, không dropout, 200 bước hạ gradient. Cuối cùng, trọng số đi vào của hai nút cách nhau bao xa?`,
    },
    choices: [
      { id: 'zero', text: { en: 'Exactly 0: they are still equal', vi: 'Đúng bằng 0: chúng vẫn bằng nhau' } },
      { id: 'tiny', text: { en: 'Tiny but not 0 (below 0.001)', vi: 'Rất nhỏ nhưng khác 0 (dưới 0,001)' } },
      { id: 'large', text: { en: 'Clearly apart (0.001 or more)', vi: 'Tách hẳn nhau (từ 0,001 trở lên)' } },
    ],
    explain: {
      en: r`Equal units compute equal values and receive equal gradients, so every step keeps them equal, to the last bit. <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="hidden=2;init=constant;sigma=0.5;dropout=0">Show me: constant start, no dropout</a>; then <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="hidden=2;init=constant;sigma=0.5;dropout=1">turn dropout on</a>.`,
      vi: r`Các nút giống nhau tính ra giá trị giống nhau và nhận gradient giống nhau, nên bước nào cũng giữ chúng bằng nhau, tới từng bit. <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="hidden=2;init=constant;sigma=0.5;dropout=0">Cho tôi xem: khởi tạo hằng số, không dropout</a>; rồi <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="hidden=2;init=constant;sigma=0.5;dropout=1">bật dropout</a>.`,
    },
  },
  {
    id: 'mxnet-factor',
    section: 'default-init',
    before: 'default-init',
    kind: 'number',
    answer: 'mxnetFactor',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> MXNet's default \(U[-0.07, 0.07]\) in a linear network of width 64 (20 layers). By what factor does each layer multiply the forward signal's standard deviation?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Khởi tạo mặc định \(U[-0{,}07;\ 0{,}07]\) của MXNet trong một mạng tuyến tính có độ rộng 64 (20 tầng). Mỗi tầng nhân độ lệch chuẩn của tín hiệu xuôi với hệ số bao nhiêu?`,
    },
    label: { en: 'Factor per layer', vi: 'Hệ số mỗi tầng' },
    explain: {
      en: r`A weight's standard deviation is \(0.07/\sqrt3\approx0.040\), and a sum over 64 inputs multiplies it by \(\sqrt{64} = 8\): about 0.32 per layer, so the signal fades by half a power of ten per layer. <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="activation=identity;width=64;depth=20">Show me: a linear network of width 64</a>.`,
      vi: r`Độ lệch chuẩn của một trọng số là \(0{,}07/\sqrt3\approx0{,}040\), và tổng qua 64 đầu vào nhân nó với \(\sqrt{64} = 8\): khoảng 0,32 mỗi tầng, nên tín hiệu nhỏ đi nửa bậc lũy thừa của 10 sau mỗi tầng. <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="activation=identity;width=64;depth=20">Cho tôi xem: mạng tuyến tính độ rộng 64</a>.`,
    },
  },
  {
    id: 'xavier-sigma',
    section: 'xavier',
    before: 'xavier',
    kind: 'number',
    answer: 'xavierSigma',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> A layer with \(n_\text{in} = 256\) inputs and \(n_\text{out} = 64\) outputs. What standard deviation \(\sigma\) does Xavier normal give its weights?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Một tầng có \(n_\text{in} = 256\) đầu vào và \(n_\text{out} = 64\) đầu ra. Khởi tạo Xavier (phân phối chuẩn) cho trọng số của nó độ lệch chuẩn \(\sigma\) bằng bao nhiêu?`,
    },
    label: { en: 'σ', vi: 'σ' },
    explain: {
      en: r`\(\sigma = \sqrt{2/(n_\text{in}+n_\text{out})} = \sqrt{2/320}\approx0.079\). The forward condition alone would ask for \(\sqrt{1/256}\approx0.063\), the backward one for \(\sqrt{1/64} = 0.125\); Xavier sits between them. <a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=xavier-normal">Show me Xavier normal in the cell</a>.`,
      vi: r`\(\sigma = \sqrt{2/(n_\text{in}+n_\text{out})} = \sqrt{2/320}\approx0{,}079\). Riêng điều kiện chiều xuôi sẽ đòi \(\sqrt{1/256}\approx0{,}063\), điều kiện chiều ngược đòi \(\sqrt{1/64} = 0{,}125\); Xavier nằm giữa hai giá trị. <a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=xavier-normal">Cho tôi xem Xavier (phân phối chuẩn) trong ô</a>.`,
    },
  },
  {
    id: 'he-forward',
    section: 'beyond',
    before: 'training',
    kind: 'number',
    answer: 'heForwardDecades',
    digits: 2,
    prompt: {
      en: r`<strong>Predict first.</strong> ReLU with He normal weights, width 64, depth 50. From layer 1 to layer 50, by how many powers of ten does the green forward signal change? (Negative if it shrinks.)`,
      vi: r`<strong>Hãy dự đoán trước.</strong> ReLU với trọng số He (phân phối chuẩn), độ rộng 64, độ sâu 50. Từ tầng 1 đến tầng 50, tín hiệu xuôi màu xanh lá thay đổi bao nhiêu bậc lũy thừa của 10? (Số âm nếu nó nhỏ đi.)`,
    },
    label: { en: 'Powers of ten, layer 1 → 50', vi: 'Số bậc lũy thừa của 10, tầng 1 → 50' },
    explain: {
      en: r`He's \(\sigma^2 = 2/n\) makes the expected per-layer factor exactly 1, so the theory says 0. A finite network of width 64 drifts a little, a fraction of a power of ten over 50 layers, because each layer's factor is random. <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=he-normal;sigma=1;width=64;depth=50">Show me: ReLU + He, depth 50</a>.`,
      vi: r`Với \(\sigma^2 = 2/n\) của He, hệ số kỳ vọng của mỗi tầng bằng đúng 1, nên lý thuyết cho 0. Một mạng hữu hạn độ rộng 64 vẫn trôi đi đôi chút, một phần nhỏ của một bậc qua 50 tầng, vì hệ số của mỗi tầng là ngẫu nhiên. <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=he-normal;sigma=1;width=64;depth=50">Cho tôi xem: ReLU + He, độ sâu 50</a>.`,
    },
  },
  {
    id: 'spectrum-fraction',
    section: 'summary-exercises',
    before: 'spectrum',
    kind: 'number',
    answer: 'spectrumFraction',
    digits: 3,
    prompt: {
      en: r`<strong>Predict first.</strong> Two random \(4\times4\) matrices \(\mathbf{A}\), \(\mathbf{B}\) with \(\mathcal{N}(0, 1)\) entries (seed 1). The bound says \(\sigma_{\max}(\mathbf{AB}) \le \sigma_{\max}(\mathbf{A})\,\sigma_{\max}(\mathbf{B})\). What fraction of the bound does \(\sigma_{\max}(\mathbf{AB})\) reach?`,
      vi: r`<strong>Hãy dự đoán trước.</strong> Hai ma trận ngẫu nhiên \(4\times4\) \(\mathbf{A}\), \(\mathbf{B}\) có các phần tử \(\mathcal{N}(0, 1)\) (seed 1). Cận trên cho biết \(\sigma_{\max}(\mathbf{AB}) \le \sigma_{\max}(\mathbf{A})\,\sigma_{\max}(\mathbf{B})\). \(\sigma_{\max}(\mathbf{AB})\) đạt bao nhiêu phần của cận đó?`,
    },
    label: { en: 'Fraction of the bound (0 to 1)', vi: 'Phần của cận (từ 0 đến 1)' },
    explain: {
      en: r`The bound is reached only when \(\mathbf{B}\) sends its most stretched direction exactly onto the direction \(\mathbf{A}\) stretches most. Random matrices rarely line up that well, so the fraction is usually well below 1, and over many layers the shortfalls compound. <a href="#slot-spectrum" class="show-me" data-show="spectrum" data-set="size=4;sigma=1;seed=1">Show me these two matrices</a>.`,
      vi: r`Cận chỉ đạt được khi \(\mathbf{B}\) đưa hướng bị kéo giãn nhiều nhất của nó trùng đúng vào hướng mà \(\mathbf{A}\) kéo giãn nhiều nhất. Các ma trận ngẫu nhiên hiếm khi thẳng hàng khéo như vậy, nên tỉ số thường nhỏ hơn 1 khá nhiều, và qua nhiều tầng các phần hụt ấy dồn lại. <a href="#slot-spectrum" class="show-me" data-show="spectrum" data-set="size=4;sigma=1;seed=1">Cho tôi xem hai ma trận này</a>.`,
    },
  },
];

export const QUIZZES = [
  {
    section: 'vanishing-exploding',
    questions: [
      {
        id: 've-f64',
        prompt: {
          en: 'A 60-layer sigmoid network trains badly in f32. Will switching to f64 cure the vanishing gradient?',
          vi: 'Một mạng sigmoid 60 tầng huấn luyện kém với f32. Chuyển sang f64 có chữa được tiêu biến gradient không?',
        },
        options: [
          {
            id: 'yes',
            text: { en: 'Yes: f64 can represent numbers down to 10⁻³⁰⁸', vi: 'Có: f64 biểu diễn được số nhỏ tới 10⁻³⁰⁸' },
            why: {
              en: 'f64 only stops the gradient from underflowing to exactly 0. A gradient 10⁻²⁰ times too small is stored correctly and is still useless: the update it makes is 10²⁰ times too small.',
              vi: 'f64 chỉ giúp gradient không bị tràn số dưới về đúng 0. Một gradient nhỏ đi 10²⁰ lần vẫn được lưu chính xác nhưng vẫn vô dụng: bước cập nhật nó tạo ra nhỏ đi 10²⁰ lần.',
            },
          },
          {
            id: 'no',
            correct: true,
            text: { en: 'No: the problem is the gradient’s size, not its representation', vi: 'Không: vấn đề là độ lớn của gradient, không phải cách biểu diễn nó' },
            why: {
              en: 'The product of Jacobians is tiny whatever the precision; more bits only describe the tiny number more exactly. The cure is to change the factors: the initialization, the activation or the architecture.',
              vi: 'Tích các ma trận Jacobi rất nhỏ dù độ chính xác là bao nhiêu; thêm bit chỉ mô tả con số nhỏ ấy chính xác hơn. Cách chữa là thay đổi chính các thừa số: khởi tạo, hàm kích hoạt hoặc kiến trúc.',
            },
          },
          {
            id: 'log',
            text: { en: 'Only if we also store the gradients as logarithms', vi: 'Chỉ khi ta lưu thêm gradient dưới dạng logarit' },
            why: {
              en: 'Logarithms help with products of positive numbers such as probabilities. Gradients have signs and are summed, and the update needs the gradient itself, so storing logarithms changes nothing about its size.',
              vi: 'Logarit giúp với tích các số dương như xác suất. Gradient có dấu và được cộng dồn, còn bước cập nhật cần chính gradient, nên lưu logarit không thay đổi gì độ lớn của nó.',
            },
          },
        ],
      },
      {
        id: 've-flat-blue',
        prompt: {
          en: 'In the widget the blue curve (weight gradients) is flat, but the red and green curves are steep straight lines. What is happening?',
          vi: 'Trong công cụ, đường xanh dương (gradient theo trọng số) nằm ngang, còn đường đỏ và xanh lá là những đường thẳng dốc. Chuyện gì đang xảy ra?',
        },
        options: [
          {
            id: 'stable',
            text: { en: 'The network is stable: the blue curve is the one that matters', vi: 'Mạng ổn định: đường xanh dương mới là đường quan trọng' },
            why: {
              en: 'A flat blue curve can hide two explosions: the weight gradient is roughly backward signal × forward signal, and their growths can cancel.',
              vi: 'Một đường xanh dương nằm ngang có thể che giấu hai vụ bùng nổ: gradient theo trọng số xấp xỉ tín hiệu ngược × tín hiệu xuôi, và hai mức tăng có thể bù trừ nhau.',
            },
          },
          {
            id: 'cancel',
            correct: true,
            text: { en: 'Both signals explode, in opposite directions, and cancel in the product', vi: 'Cả hai tín hiệu đều bùng nổ, theo hai chiều ngược nhau, và bù trừ nhau trong tích' },
            why: {
              en: 'The forward signal grows upward by a factor g per layer, the backward signal grows downward by the same g, and each layer’s weight gradient multiplies the two.',
              vi: 'Tín hiệu xuôi tăng g lần mỗi tầng khi đi lên, tín hiệu ngược tăng đúng g lần mỗi tầng khi đi xuống, và gradient theo trọng số của mỗi tầng là tích của hai tín hiệu.',
            },
          },
          {
            id: 'bug',
            text: { en: 'A drawing error: the three curves should always agree', vi: 'Lỗi vẽ: ba đường lẽ ra phải luôn khớp nhau' },
            why: {
              en: 'The three curves measure different things (a weight gradient, a backward signal, a forward signal), so they can legitimately disagree.',
              vi: 'Ba đường đo ba đại lượng khác nhau (gradient theo trọng số, tín hiệu ngược, tín hiệu xuôi), nên chúng hoàn toàn có thể khác nhau.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'vanishing',
    questions: [
      {
        id: 'va-quarter',
        prompt: {
          en: 'The sigmoid’s derivative is at most 1/4. Does every sigmoid layer therefore shrink the backward signal?',
          vi: 'Đạo hàm của sigmoid không quá 1/4. Vậy có phải mọi tầng sigmoid đều làm tín hiệu ngược nhỏ đi?',
        },
        options: [
          {
            id: 'always',
            text: { en: 'Yes, by at least a factor of 4 per layer', vi: 'Đúng, nhỏ đi ít nhất 4 lần mỗi tầng' },
            why: {
              en: 'Only the activation’s factor is capped at 1/4. The weights multiply the signal too, by about σ√n, and large weights can more than make up for the 1/4.',
              vi: 'Chỉ hệ số của hàm kích hoạt bị chặn ở 1/4. Trọng số cũng nhân vào tín hiệu, với hệ số khoảng σ√n, và trọng số lớn có thể bù nhiều hơn phần 1/4 ấy.',
            },
          },
          {
            id: 'weights',
            correct: true,
            text: { en: 'No: the weights can amplify it, about σ√n per layer', vi: 'Không: trọng số có thể khuếch đại nó, khoảng σ√n mỗi tầng' },
            why: {
              en: 'With σ√n above 4 the product can grow, as long as the units stay near 0; but larger weights push the pre-activations out, the units saturate and the derivative collapses.',
              vi: 'Khi σ√n lớn hơn 4, tích có thể tăng, miễn là các nút còn ở gần 0; nhưng trọng số lớn đẩy các giá trị trước hàm kích hoạt ra xa, các nút bão hòa và đạo hàm sụp xuống.',
            },
          },
          {
            id: 'never',
            text: { en: 'No: the sigmoid never changes the gradient', vi: 'Không: sigmoid không bao giờ thay đổi gradient' },
            why: {
              en: 'Backpropagation multiplies by σ′(z) at every unit, and σ′(z) ≤ 1/4 < 1: the sigmoid always shrinks its own share.',
              vi: 'Lan truyền ngược nhân với σ′(z) tại mọi nút, và σ′(z) ≤ 1/4 < 1: phần của sigmoid luôn làm gradient nhỏ đi.',
            },
          },
        ],
      },
      {
        id: 'va-relu',
        prompt: {
          en: 'Why does ReLU ease the vanishing gradient?',
          vi: 'Vì sao ReLU giảm nhẹ tiêu biến gradient?',
        },
        options: [
          {
            id: 'one',
            correct: true,
            text: { en: 'Its derivative is exactly 1 on every active unit', vi: 'Đạo hàm của nó bằng đúng 1 ở mọi nút đang hoạt động' },
            why: {
              en: 'Where a unit is on, the activation passes the gradient unchanged, so only the weights set the per-layer factor, and He initialization sets that to 1.',
              vi: 'Ở nút đang bật, hàm kích hoạt để gradient đi qua nguyên vẹn, nên chỉ còn trọng số quyết định hệ số mỗi tầng, và khởi tạo He đặt hệ số đó bằng 1.',
            },
          },
          {
            id: 'bounded',
            text: { en: 'Its output is bounded, so nothing can explode', vi: 'Đầu ra của nó bị chặn, nên không gì có thể bùng nổ' },
            why: {
              en: 'ReLU’s output is not bounded above (max(0, x) grows with x), and a ReLU network with σ = 1 explodes, as the first section shows.',
              vi: 'Đầu ra của ReLU không bị chặn trên (max(0, x) tăng theo x), và một mạng ReLU với σ = 1 bùng nổ, như phần đầu tiên đã cho thấy.',
            },
          },
          {
            id: 'bio',
            text: { en: 'It models biological neurons more faithfully', vi: 'Nó mô phỏng nơ-ron sinh học trung thực hơn' },
            why: {
              en: 'If anything the sigmoid is the closer model. ReLU won on trainability, not biology.',
              vi: 'Nếu có thì sigmoid mới là mô hình gần hơn. ReLU thắng nhờ dễ huấn luyện, không phải nhờ giống sinh học.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'exploding',
    questions: [
      {
        id: 'ex-sigma2',
        prompt: {
          en: 'In the product experiment, σ goes from 1 to 2 with n = 4. What happens to the growth per step?',
          vi: 'Trong thí nghiệm nhân ma trận, σ tăng từ 1 lên 2 với n = 4. Tốc độ tăng mỗi bước thay đổi thế nào?',
        },
        options: [
          {
            id: 'double',
            text: { en: 'The growth rate λ doubles', vi: 'Tốc độ tăng λ gấp đôi' },
            why: {
              en: 'λ = ½(ln 2σ² + ψ(n/2)) depends on σ through ln σ, so doubling σ does not double λ.',
              vi: 'λ = ½(ln 2σ² + ψ(n/2)) phụ thuộc vào σ qua ln σ, nên tăng σ gấp đôi không làm λ gấp đôi.',
            },
          },
          {
            id: 'ln2',
            correct: true,
            text: { en: 'λ grows by ln 2: every step multiplies by 2 more', vi: 'λ tăng thêm ln 2: mỗi bước nhân thêm 2 lần' },
            why: {
              en: 'Each matrix is twice as large, so each product is twice as large: about 0.30 more powers of ten per step (0.56 → 1.25 in natural logarithms).',
              vi: 'Mỗi ma trận lớn gấp đôi nên mỗi tích lớn gấp đôi: thêm chừng 0,30 bậc lũy thừa của 10 mỗi bước (λ từ 0,56 lên 1,25 theo logarit tự nhiên).',
            },
          },
          {
            id: 'same',
            text: { en: 'Nothing: only the size n matters', vi: 'Không đổi: chỉ kích thước n mới quan trọng' },
            why: {
              en: 'Scaling every matrix by 2 scales the product of k matrices by 2ᵏ, so σ matters a great deal.',
              vi: 'Nhân mọi ma trận với 2 thì tích của k ma trận được nhân với 2ᵏ, nên σ rất quan trọng.',
            },
          },
        ],
      },
      {
        id: 'ex-nan',
        prompt: {
          en: 'In f32 the product’s entries become ∞ at some step, and NaN soon after. Where does the NaN come from?',
          vi: 'Với f32, các phần tử của tích thành ∞ tại một bước nào đó, rồi ít lâu sau thành NaN. NaN từ đâu ra?',
        },
        options: [
          {
            id: 'mix',
            correct: true,
            text: { en: 'A sum that mixes +∞ and −∞', vi: 'Một tổng trộn lẫn +∞ và −∞' },
            why: {
              en: 'A matrix product adds terms of both signs; once some are +∞ and others −∞, their sum is undefined: NaN.',
              vi: 'Phép nhân ma trận cộng các số hạng mang cả hai dấu; khi có số hạng +∞ và có số hạng −∞, tổng của chúng không xác định: NaN.',
            },
          },
          {
            id: 'div0',
            text: { en: 'A division by zero', vi: 'Một phép chia cho 0' },
            why: {
              en: 'The product only multiplies and adds; there is no division. (And 1/0 gives ∞ in floating point, not NaN.)',
              vi: 'Phép nhân ma trận chỉ nhân và cộng, không có phép chia. (Vả lại 1/0 cho ∞ trong số dấu phẩy động, không phải NaN.)',
            },
          },
          {
            id: 'underflow',
            text: { en: 'An underflow to 0', vi: 'Một lần tràn số dưới về 0' },
            why: {
              en: 'Underflow gives 0, a perfectly valid number. NaN needs an undefined operation such as ∞ − ∞ or 0 × ∞.',
              vi: 'Tràn số dưới cho ra 0, một số hoàn toàn hợp lệ. NaN cần một phép toán không xác định như ∞ − ∞ hay 0 × ∞.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'symmetry',
    questions: [
      {
        id: 'sy-breaks',
        prompt: {
          en: 'Every weight starts at the same constant. Which of these breaks the symmetry between the hidden units during training?',
          vi: 'Mọi trọng số bắt đầu bằng cùng một hằng số. Điều nào sau đây phá vỡ tính đối xứng giữa các nút ẩn trong lúc huấn luyện?',
        },
        options: [
          {
            id: 'minibatch',
            text: { en: 'The noise of minibatch SGD', vi: 'Nhiễu của SGD theo minibatch' },
            why: {
              en: 'Every unit sees the same minibatch, so the noise is the same for all of them and their gradients stay equal.',
              vi: 'Mọi nút đều thấy cùng một minibatch, nên nhiễu như nhau với tất cả và gradient của chúng vẫn bằng nhau.',
            },
          },
          {
            id: 'dropout',
            correct: true,
            text: { en: 'Dropout', vi: 'Dropout' },
            why: {
              en: 'Each unit gets its own random mask, so two equal units see different masks, receive different updates and drift apart.',
              vi: 'Mỗi nút có mặt nạ ngẫu nhiên riêng, nên hai nút giống nhau gặp những mặt nạ khác nhau, nhận cập nhật khác nhau và tách xa dần.',
            },
          },
          {
            id: 'decay',
            text: { en: 'Weight decay', vi: 'Suy giảm trọng số' },
            why: {
              en: 'Weight decay shrinks every weight by the same factor; equal weights shrink equally and stay equal.',
              vi: 'Suy giảm trọng số co mọi trọng số theo cùng một hệ số; các trọng số bằng nhau co như nhau và vẫn bằng nhau.',
            },
          },
        ],
      },
      {
        id: 'sy-width',
        prompt: {
          en: 'A hidden layer of 100 units all starts from the same constant, without dropout. How many different units does it effectively have after training?',
          vi: 'Một tầng ẩn 100 nút, tất cả bắt đầu từ cùng một hằng số, không dropout. Sau khi huấn luyện, thực chất nó có bao nhiêu nút khác nhau?',
        },
        options: [
          {
            id: 'one',
            correct: true,
            text: { en: 'One, copied 100 times', vi: 'Một, được nhân bản 100 lần' },
            why: {
              en: 'Identical units get identical gradients at every step, so the layer computes what a single unit would.',
              vi: 'Các nút giống nhau nhận gradient giống nhau ở mọi bước, nên tầng ấy tính đúng như một nút duy nhất.',
            },
          },
          {
            id: 'hundred',
            text: { en: 'A hundred: training separates them', vi: 'Một trăm: huấn luyện sẽ tách chúng ra' },
            why: {
              en: 'Nothing in plain gradient descent tells one unit from another, so nothing separates them.',
              vi: 'Hạ gradient thông thường không có gì phân biệt nút này với nút kia, nên không có gì tách chúng ra.',
            },
          },
          {
            id: 'two',
            text: { en: 'Two: one per sign of the weights', vi: 'Hai: mỗi dấu của trọng số một nút' },
            why: {
              en: 'All weights start with the same value and thus the same sign, and they receive the same updates; no split into two groups can appear.',
              vi: 'Mọi trọng số bắt đầu cùng giá trị, nên cùng dấu, và nhận cùng cập nhật; không thể tự tách thành hai nhóm.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'default-init',
    questions: [
      {
        id: 'di-mxnet',
        prompt: {
          en: 'MXNet’s default U[−0.07, 0.07] keeps a linear layer’s signal at its size for which width?',
          vi: 'Khởi tạo mặc định U[−0,07; 0,07] của MXNet giữ nguyên độ lớn tín hiệu của một tầng tuyến tính ở độ rộng nào?',
        },
        options: [
          {
            id: '64',
            text: { en: 'About 64', vi: 'Khoảng 64' },
            why: {
              en: 'At width 64 the factor is 0.07/√3 × 8 ≈ 0.32: the signal shrinks.',
              vi: 'Ở độ rộng 64, hệ số là 0,07/√3 × 8 ≈ 0,32: tín hiệu co lại.',
            },
          },
          {
            id: '600',
            correct: true,
            text: { en: 'About 600', vi: 'Khoảng 600' },
            why: {
              en: 'The variance 0.07²/3 ≈ 1.6 × 10⁻³ equals 1/n for n ≈ 600.',
              vi: 'Phương sai 0,07²/3 ≈ 1,6 × 10⁻³ bằng 1/n khi n ≈ 600.',
            },
          },
          {
            id: 'any',
            text: { en: 'Any width: the scale is fixed', vi: 'Mọi độ rộng: độ lớn đã cố định' },
            why: {
              en: 'A fixed scale is exactly the problem: the factor σ√n changes with the width n.',
              vi: 'Độ lớn cố định chính là vấn đề: hệ số σ√n thay đổi theo độ rộng n.',
            },
          },
        ],
      },
      {
        id: 'di-torch',
        prompt: {
          en: 'PyTorch’s nn.Linear draws its weights from U(−1/√n, 1/√n). Per linear layer, the signal is multiplied by about…',
          vi: 'nn.Linear của PyTorch lấy trọng số từ U(−1/√n; 1/√n). Qua mỗi tầng tuyến tính, tín hiệu được nhân với khoảng…',
        },
        options: [
          {
            id: '058',
            correct: true,
            text: { en: '1/√3 ≈ 0.58, whatever the width', vi: '1/√3 ≈ 0,58, bất kể độ rộng' },
            why: {
              en: 'The variance is 1/(3n), so √n·σ = 1/√3. The scale follows the width but sits below 1 on purpose.',
              vi: 'Phương sai là 1/(3n), nên √n·σ = 1/√3. Độ lớn đi theo độ rộng nhưng cố ý thấp hơn 1.',
            },
          },
          {
            id: '1',
            text: { en: 'Exactly 1', vi: 'Đúng bằng 1' },
            why: {
              en: 'That would need variance 1/n; U(−a, a) has variance a²/3, so a = 1/√n gives only 1/(3n).',
              vi: 'Muốn vậy cần phương sai 1/n; U(−a; a) có phương sai a²/3, nên a = 1/√n chỉ cho 1/(3n).',
            },
          },
          {
            id: 'sqrt2',
            text: { en: '√2, as He recommends', vi: '√2, như He khuyến nghị' },
            why: {
              en: 'He’s scheme has variance 2/n; PyTorch’s default is six times smaller.',
              vi: 'Phương pháp của He có phương sai 2/n; mặc định của PyTorch nhỏ hơn sáu lần.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'xavier',
    questions: [
      {
        id: 'xa-bound',
        prompt: {
          en: 'What is the Xavier uniform bound a for a 256 → 64 layer, U[−a, a]?',
          vi: 'Cận a của Xavier (phân phối đều) U[−a; a] cho một tầng 256 → 64 là bao nhiêu?',
        },
        options: [
          {
            id: '0137',
            correct: true,
            text: { en: '√(6/320) ≈ 0.137', vi: '√(6/320) ≈ 0,137' },
            why: {
              en: 'Variance a²/3 = 2/(256 + 64) gives a = √(6/320).',
              vi: 'Phương sai a²/3 = 2/(256 + 64) cho a = √(6/320).',
            },
          },
          {
            id: '0079',
            text: { en: '√(2/320) ≈ 0.079', vi: '√(2/320) ≈ 0,079' },
            why: {
              en: 'That is Xavier normal’s standard deviation; a uniform bound must be √3 times larger to give the same variance.',
              vi: 'Đó là độ lệch chuẩn của Xavier (phân phối chuẩn); cận của phân phối đều phải lớn hơn √3 lần để cho cùng phương sai.',
            },
          },
          {
            id: '0153',
            text: { en: '√(6/256) ≈ 0.153', vi: '√(6/256) ≈ 0,153' },
            why: {
              en: 'That uses fan-in only (the He uniform bound would be √(6/256)); Xavier averages fan-in and fan-out.',
              vi: 'Cách này chỉ dùng số đầu vào (cận của He, phân phối đều, là √(6/256)); Xavier lấy trung bình số đầu vào và số đầu ra.',
            },
          },
        ],
      },
      {
        id: 'xa-why',
        prompt: {
          en: 'Why can’t one σ keep both the forward and the backward variance fixed in a 256 → 64 layer?',
          vi: 'Vì sao không có σ nào giữ cố định được cả phương sai chiều xuôi lẫn chiều ngược ở một tầng 256 → 64?',
        },
        options: [
          {
            id: 'widths',
            correct: true,
            text: { en: 'Forward needs 256σ² = 1, backward 64σ² = 1', vi: 'Chiều xuôi cần 256σ² = 1, chiều ngược cần 64σ² = 1' },
            why: {
              en: 'The two conditions ask for different σ whenever n_in ≠ n_out; Xavier satisfies their average.',
              vi: 'Hai điều kiện đòi hai giá trị σ khác nhau khi n_in ≠ n_out; Xavier thỏa mãn trung bình của chúng.',
            },
          },
          {
            id: 'nonlin',
            text: { en: 'Because of the nonlinearity', vi: 'Vì hàm kích hoạt phi tuyến' },
            why: {
              en: 'The derivation is for a linear layer, and the conflict is already there without any nonlinearity.',
              vi: 'Phép suy dẫn dành cho tầng tuyến tính, và mâu thuẫn đã có sẵn dù không có hàm phi tuyến nào.',
            },
          },
          {
            id: 'gauss',
            text: { en: 'Because the weights are Gaussian', vi: 'Vì trọng số có phân phối Gauss' },
            why: {
              en: 'Only the mean and the variance enter the derivation; any distribution with the same variance gives the same conflict.',
              vi: 'Phép suy dẫn chỉ dùng trung bình và phương sai; phân phối nào có cùng phương sai cũng gặp cùng mâu thuẫn.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'beyond',
    questions: [
      {
        id: 'be-he',
        prompt: {
          en: 'Why does He initialization use twice LeCun’s variance?',
          vi: 'Vì sao khởi tạo He dùng phương sai gấp đôi của LeCun?',
        },
        options: [
          {
            id: 'half',
            correct: true,
            text: { en: 'ReLU zeroes half the pre-activations', vi: 'ReLU đưa một nửa số giá trị trước hàm kích hoạt về 0' },
            why: {
              en: 'E[max(0, z)²] = ½Var[z], so doubling the weights’ variance restores the second moment.',
              vi: 'E[max(0, z)²] = ½Var[z], nên nhân đôi phương sai của trọng số sẽ bù lại mô-men bậc hai.',
            },
          },
          {
            id: 'backward',
            text: { en: 'To satisfy the backward condition too', vi: 'Để thỏa mãn cả điều kiện chiều ngược' },
            why: {
              en: 'He, like LeCun, uses only the fan-in; the factor 2 comes from the activation, not from the backward pass.',
              vi: 'He, cũng như LeCun, chỉ dùng số đầu vào; hệ số 2 đến từ hàm kích hoạt, không phải từ chiều ngược.',
            },
          },
          {
            id: 'deeper',
            text: { en: 'Deeper networks need larger weights', vi: 'Mạng càng sâu càng cần trọng số lớn hơn' },
            why: {
              en: 'The right scale does not depend on the depth: a per-layer factor of exactly 1 works for any depth.',
              vi: 'Độ lớn phù hợp không phụ thuộc độ sâu: hệ số mỗi tầng bằng đúng 1 thì dùng được với mọi độ sâu.',
            },
          },
        ],
      },
      {
        id: 'be-lars',
        prompt: {
          en: 'A layer’s gradient is 10²⁰ times too large. How far does one LARS step move that layer?',
          vi: 'Gradient của một tầng lớn gấp 10²⁰ lần mức hợp lý. Một bước LARS dịch tầng đó đi bao xa?',
        },
        options: [
          {
            id: 'fraction',
            correct: true,
            text: { en: 'η·τ·‖w‖, as for any other gradient', vi: 'η·τ·‖w‖, như với mọi gradient khác' },
            why: {
              en: 'The trust ratio ‖w‖/‖∇ℓ‖ cancels the gradient’s size; only its direction is used.',
              vi: 'Tỉ số tin cậy ‖w‖/‖∇ℓ‖ triệt tiêu độ lớn của gradient; chỉ hướng của nó được dùng.',
            },
          },
          {
            id: 'far',
            text: { en: '10²⁰ times too far', vi: 'Xa gấp 10²⁰ lần' },
            why: {
              en: 'That is what plain SGD does; LARS divides by the gradient’s norm first.',
              vi: 'Đó là điều SGD thông thường làm; LARS chia cho chuẩn của gradient trước.',
            },
          },
          {
            id: 'zero',
            text: { en: 'Not at all: LARS skips that layer', vi: 'Không dịch: LARS bỏ qua tầng đó' },
            why: {
              en: 'LARS never skips a layer; it rescales every layer’s step to a fixed fraction of its weights’ norm.',
              vi: 'LARS không bao giờ bỏ qua tầng nào; nó co giãn bước của mọi tầng về một phần cố định của chuẩn trọng số.',
            },
          },
        ],
      },
    ],
  },
  {
    section: 'summary-exercises',
    questions: [
      {
        id: 'su-softmax',
        prompt: {
          en: 'Softmax regression with every weight starting at 0: can it still learn?',
          vi: 'Hồi quy softmax với mọi trọng số bắt đầu bằng 0: nó có còn học được không?',
        },
        options: [
          {
            id: 'yes',
            correct: true,
            text: { en: 'Yes: the classes get different gradients', vi: 'Có: các lớp nhận gradient khác nhau' },
            why: {
              en: 'Row k’s gradient is Σ(ŷₖ − yₖ)x, and the labels yₖ differ between classes; there is no hidden layer whose units could be interchangeable.',
              vi: 'Gradient của hàng k là Σ(ŷₖ − yₖ)x, và nhãn yₖ khác nhau giữa các lớp; không có tầng ẩn nào có các nút thay thế được cho nhau.',
            },
          },
          {
            id: 'no',
            text: { en: 'No: symmetric weights stay symmetric', vi: 'Không: trọng số đối xứng sẽ đối xứng mãi' },
            why: {
              en: 'That argument needs interchangeable units. Each class row is tied to its own label, so the rows are not interchangeable.',
              vi: 'Lập luận ấy cần các nút thay thế được cho nhau. Mỗi hàng gắn với nhãn riêng của lớp mình, nên các hàng không thay thế được cho nhau.',
            },
          },
          {
            id: 'slow',
            text: { en: 'Only with dropout', vi: 'Chỉ khi có dropout' },
            why: {
              en: 'No noise is needed: the gradients already differ at step 0, and the loss is convex.',
              vi: 'Không cần nhiễu: gradient đã khác nhau ngay từ bước 0, và hàm mất mát là lồi.',
            },
          },
        ],
      },
      {
        id: 'su-cond',
        prompt: {
          en: 'Through L layers, what can happen to the condition number κ of the product of Jacobians?',
          vi: 'Qua L tầng, số điều kiện κ của tích các ma trận Jacobi có thể thay đổi thế nào?',
        },
        options: [
          {
            id: 'product',
            correct: true,
            text: { en: 'It can grow up to the product of the layers’ κ', vi: 'Nó có thể tăng tới tích các κ của từng tầng' },
            why: {
              en: 'κ(AB) ≤ κ(A)κ(B), so keeping each layer’s singular values near 1 (orthogonal initialization) keeps the product well conditioned.',
              vi: 'κ(AB) ≤ κ(A)κ(B), nên giữ các giá trị suy biến của mỗi tầng gần 1 (khởi tạo trực giao) giúp tích có điều kiện tốt.',
            },
          },
          {
            id: 'eig',
            text: { en: 'It is bounded by the product of the eigenvalues', vi: 'Nó bị chặn bởi tích các trị riêng' },
            why: {
              en: 'Eigenvalues of a product are not controlled by the factors’ eigenvalues: two matrices with only the eigenvalue 0 can have a product with eigenvalue 1.',
              vi: 'Trị riêng của tích không bị khống chế bởi trị riêng của các thừa số: hai ma trận chỉ có trị riêng 0 vẫn có thể cho tích có trị riêng 1.',
            },
          },
          {
            id: 'same',
            text: { en: 'It stays that of one layer', vi: 'Nó giữ nguyên như của một tầng' },
            why: {
              en: 'Only in special cases (orthogonal factors have κ = 1). In general stretches along different directions compound.',
              vi: 'Chỉ trong trường hợp đặc biệt (các thừa số trực giao có κ = 1). Nói chung, độ kéo giãn theo các hướng khác nhau dồn lại.',
            },
          },
        ],
      },
    ],
  },
];

// Staged hints: after the live cell `after` of section `section`, a button that reveals the
// stages one at a time (try the cell first, then a nudge, then the explanation). Each stage is
// {en, vi} HTML with math; "show me" links may appear in them.
export const HINTS = [
  {
    id: 'exercise-rescaling',
    section: 'summary-exercises',
    after: 'rescaling',
    stages: [
      {
        en: r`Look for changes of the parameters that leave the function the network computes exactly as it was. In the cell, watch the first line under the chart: with ReLU and \(\alpha > 0\) the output moves only by rounding, however large \(\alpha\) is. What property of ReLU makes \(\mathrm{ReLU}(\alpha z)\) and \(\alpha\,\mathrm{ReLU}(z)\) the same number? Which other activations have it, and for which \(\alpha\)?`,
        vi: r`Hãy tìm những thay đổi tham số giữ nguyên hàm mà mạng tính. Trong ô, nhìn dòng đầu tiên dưới biểu đồ: với ReLU và \(\alpha > 0\), đầu ra chỉ lệch cỡ sai số làm tròn, dù \(\alpha\) lớn đến đâu. Tính chất nào của ReLU khiến \(\mathrm{ReLU}(\alpha z)\) và \(\alpha\,\mathrm{ReLU}(z)\) là cùng một số? Những hàm kích hoạt nào khác cũng có tính chất ấy, và với những \(\alpha\) nào?`,
      },
      {
        en: r`ReLU is positively homogeneous: \(\mathrm{ReLU}(\alpha z) = \alpha\,\mathrm{ReLU}(z)\) for \(\alpha > 0\). So \(\mathbf{h}'^{\,l} = \alpha\mathbf{h}^l\), and layer \(l+1\) computes \((\mathbf{W}^{l+1}/\alpha)(\alpha\mathbf{h}^l) = \mathbf{W}^{l+1}\mathbf{h}^l\): every later layer is untouched (with biases, \(\mathbf{b}^l\) must be multiplied by \(\alpha\) too). A whole continuum of weights computes one function. The gradients do not share the invariance: \(\boldsymbol{\delta}^l\) shrinks by \(1/\alpha\), so \(\partial\ell/\partial\mathbf{W}^l\) is divided by \(\alpha\) while \(\partial\ell/\partial\mathbf{W}^{l+1}\) is multiplied by \(\alpha\), which is what the two ratio lines show. One SGD step from two equivalent networks therefore lands on two different functions, and a rule that judges weights by their norm, such as weight decay, prefers some points of the continuum over others. A negative \(\alpha\) breaks ReLU's invariance (active units switch off), but tanh, being odd, survives \(\alpha = -1\): the sign flip of incoming and outgoing weights is another symmetry. Sigmoid has neither. Other symmetries of the same kind: permuting the channels of a convolution together with the next layer's inputs, the heads of an attention layer, the units of a recurrent layer. A constant start sits on all of them at once, which is why <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;sigma=0;dropout=0">the constant initializer with value 0</a> cannot learn.`,
        vi: r`ReLU là hàm thuần nhất dương: \(\mathrm{ReLU}(\alpha z) = \alpha\,\mathrm{ReLU}(z)\) với \(\alpha > 0\). Do đó \(\mathbf{h}'^{\,l} = \alpha\mathbf{h}^l\), và tầng \(l+1\) tính \((\mathbf{W}^{l+1}/\alpha)(\alpha\mathbf{h}^l) = \mathbf{W}^{l+1}\mathbf{h}^l\): mọi tầng phía sau giữ nguyên (nếu có hệ số điều chỉnh thì \(\mathbf{b}^l\) cũng phải nhân với \(\alpha\)). Cả một dải liên tục các bộ trọng số cùng tính một hàm. Gradient thì không bất biến như vậy: \(\boldsymbol{\delta}^l\) co lại \(1/\alpha\) lần, nên \(\partial\ell/\partial\mathbf{W}^l\) bị chia cho \(\alpha\) còn \(\partial\ell/\partial\mathbf{W}^{l+1}\) được nhân với \(\alpha\), đúng như hai dòng tỉ số cho thấy. Vì thế một bước SGD từ hai mạng tương đương đưa tới hai hàm khác nhau, và một quy tắc đánh giá trọng số theo chuẩn của chúng, như suy giảm trọng số, sẽ ưu tiên một số điểm trong dải ấy hơn các điểm khác. \(\alpha\) âm phá vỡ tính bất biến của ReLU (các nút đang hoạt động bị tắt), nhưng tanh là hàm lẻ nên vẫn giữ được với \(\alpha = -1\): đổi dấu trọng số đi vào và đi ra là một kiểu đối xứng khác. Sigmoid không có kiểu nào. Các đối xứng cùng loại khác: hoán vị các kênh của tầng tích chập cùng với đầu vào của tầng sau, các đầu tập trung (attention) của một tầng attention, các nút của một tầng hồi tiếp. Một điểm khởi tạo hằng số nằm trên tất cả chúng cùng lúc, vì thế <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;sigma=0;dropout=0">khởi tạo hằng số với giá trị 0</a> không học được.`,
      },
    ],
  },
  {
    id: 'exercise-softmax',
    section: 'summary-exercises',
    after: 'softmax',
    stages: [
      {
        en: r`Ask what made the MLP's hidden units stuck: two units are interchangeable, nothing in the loss tells one from the other, so they receive the same gradient. In a softmax regression each weight column belongs to a class. Look at the columns of the first gradient printed under the chart: are they equal? What in \(\partial\ell/\partial\mathbf{W} = \mathbf{X}^\top(\mathbf{P}-\mathbf{Y})/n\) differs from one column to the next?`,
        vi: r`Hãy tự hỏi điều gì khiến các nút ẩn của MLP bị kẹt: hai nút có thể thay thế cho nhau, không gì trong hàm mất mát phân biệt được chúng, nên chúng nhận cùng một gradient. Trong hồi quy softmax, mỗi cột trọng số thuộc về một lớp. Hãy nhìn các cột của gradient đầu tiên được in dưới biểu đồ: chúng có bằng nhau không? Trong \(\partial\ell/\partial\mathbf{W} = \mathbf{X}^\top(\mathbf{P}-\mathbf{Y})/n\), thành phần nào khác nhau giữa các cột?`,
      },
      {
        en: r`Yes, both can start constant. At the start all logits are equal, so \(\mathbf{P}\) is \(1/K\) everywhere and column \(k\) of the gradient is \(\bar{\mathbf{x}}/K - (n_k/n)\,\bar{\mathbf{x}}_k\): the labels \(\mathbf{Y}\) single out each class, so the columns differ as soon as the classes differ. The test in the engine checks the converse as well: two classes that never appear among the labels keep identical columns forever. In linear regression each weight multiplies its own feature, \(\partial\ell/\partial w_j = \frac1n\sum_i(\hat y_i - y_i)\,x_{ij}\), so different features give different gradients. The constant \(c\) itself is irrelevant in softmax regression (it adds the same number to every logit), and both losses are convex, so gradient descent reaches the optimum from any start, zero included. Symmetry traps only units that are interchangeable, such as hidden units.`,
        vi: r`Được, cả hai đều có thể bắt đầu bằng hằng số. Lúc đầu mọi logit bằng nhau, nên \(\mathbf{P}\) bằng \(1/K\) ở mọi chỗ và cột \(k\) của gradient là \(\bar{\mathbf{x}}/K - (n_k/n)\,\bar{\mathbf{x}}_k\): các nhãn \(\mathbf{Y}\) chỉ rõ từng lớp, nên các cột khác nhau ngay khi các lớp khác nhau. Phép kiểm tra trong bộ máy tính toán cũng kiểm chiều ngược lại: hai lớp không bao giờ xuất hiện trong nhãn giữ các cột giống hệt nhau mãi mãi. Trong hồi quy tuyến tính, mỗi trọng số nhân với một đặc trưng riêng, \(\partial\ell/\partial w_j = \frac1n\sum_i(\hat y_i - y_i)\,x_{ij}\), nên các đặc trưng khác nhau cho gradient khác nhau. Bản thân hằng số \(c\) không quan trọng trong hồi quy softmax (nó cộng cùng một số vào mọi logit), và cả hai hàm mất mát đều lồi, nên hạ gradient tới được điểm tối ưu từ bất kỳ điểm xuất phát nào, kể cả 0. Tính đối xứng chỉ giam chân những nút có thể thay thế cho nhau, như các nút ẩn.`,
      },
    ],
  },
];
