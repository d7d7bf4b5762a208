// The notebook's text, in English and Vietnamese, in the chapter's order. Written for gradscope
// (facts and formulas from the chapter, the wording our own). Vietnamese terms follow
// shared/GLOSSARY.md. Math is TeX between \( … \) (inline) or \[ … \] (display), rendered by
// www/notebook.js with the self-hosted KaTeX; Vietnamese math uses {,} as the decimal mark.
//
// Each section: { id, title: {en, vi}, blocks }, a block being { prose: {en, vi} } (HTML) or
// { cell: name }, the slot where a live cell is mounted (see www/notebook.js). Links to a live
// cell point at its slot, #slot-<name>, which always exists.
//
// Framework defaults stated in section 5, as checked on this project's reference search
// (framework docs and sources):
// - PyTorch torch.nn.Linear: docs say weight and bias ~ U(−√k, √k), k = 1/in_features; the
//   source's reset_parameters calls init.kaiming_uniform_(weight, a=math.sqrt(5)) (equal to
//   U(±1/√fan_in), as the maintainers explain in pytorch/pytorch PR #19526 and issue #57109) and
//   draws the bias from U(−1/√fan_in, 1/√fan_in).
// - TensorFlow/Keras tf.keras.layers.Dense: kernel_initializer='glorot_uniform',
//   bias_initializer='zeros' (keras.io layer docs, Dense signature).
// - JAX/Flax flax.linen.Dense: kernel_init defaults to lecun_normal() (variance_scaling with
//   scale 1, mode fan_in, truncated normal), bias_init to zeros (flax.readthedocs.io
//   flax.linen.Dense and flax.linen.initializers.lecun_normal; google/flax linen sources).
// - MXNet Gluon gluon.nn.Dense: weight_initializer=None falls back to the initializer given to
//   net.initialize(), whose default is init.Uniform(scale=0.07), i.e. U[−0.07, 0.07]; biases
//   'zeros' (mxnet.apache.org initializer API: Uniform(scale=0.07)); the chapter says the same.

const r = String.raw;

export const SECTIONS = [
  // 1 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'vanishing-exploding',
    title: { en: 'Vanishing and exploding gradients', vi: 'Tiêu biến và bùng nổ gradient' },
    blocks: [
      {
        prose: {
          en: r`<p>So far we have let the framework choose the starting weights and never asked how. That choice matters more than it seems. Together with the activation function it decides whether a signal survives the trip through the network, and how quickly training converges, if it converges at all.</p>
<p>Take a network of \(L\) layers. Layer \(l\) turns \(\mathbf{h}^{l-1}\) into \(\mathbf{h}^{l} = f_l(\mathbf{h}^{l-1})\), starting from \(\mathbf{h}^0 = \mathbf{x}\) and ending with the output \(\mathbf{o} = \mathbf{h}^L\). The chain rule writes the derivative of the output with respect to the weights of layer \(l\) as a chain of Jacobians:</p>
\[\frac{\partial \mathbf{o}}{\partial \mathbf{W}^{l}} = \underbrace{\frac{\partial \mathbf{h}^{L}}{\partial \mathbf{h}^{L-1}}}_{\mathbf{M}_L} \cdots \underbrace{\frac{\partial \mathbf{h}^{l+1}}{\partial \mathbf{h}^{l}}}_{\mathbf{M}_{l+1}} \, \underbrace{\frac{\partial \mathbf{h}^{l}}{\partial \mathbf{W}^{l}}}_{\mathbf{v}_l}.\]
<p>That is \(L-l\) matrices times \(\mathbf{v}_l\): for the first layers, almost \(L\) factors. Each factor may stretch or shrink a vector only a little, but a little, compounded over dozens of layers, becomes astronomical.</p>
<p>Long products are a known hazard of floating-point arithmetic. A floating-point number is stored as a mantissa and an exponent, and the exponent has a fixed range. In single precision (f32) the smallest normal positive number is about \(1.2\times10^{-38}\) and the largest about \(3.4\times10^{38}\); in double precision (f64), \(2.2\times10^{-308}\) and \(1.8\times10^{308}\). Below the range a number <em>underflows</em>: after a short stretch of subnormal numbers (down to \(1.4\times10^{-45}\) in f32) it becomes exactly 0. Above it, it <em>overflows</em> to \(\infty\). When we multiply many probabilities we sidestep the problem by adding their logarithms instead: a logarithm turns a number too small to store into a moderate negative one. That escape is closed here: the factors are matrices whose eigenvalues can be anything, small or large, and an update uses the gradient itself, not its logarithm.</p>
<p>And even when the numbers fit, their size is the real trouble. A gradient \(10^{20}\) times too large flings the weights far away in a single update: an <em>exploding gradient</em>. One \(10^{20}\) times too small leaves them where they are, so the early layers never learn: a <em>vanishing gradient</em>.</p>`,
          vi: r`<p>Đến giờ ta vẫn để framework học sâu tự chọn giá trị ban đầu cho trọng số mà chưa từng hỏi nó chọn thế nào. Lựa chọn ấy quan trọng hơn ta tưởng. Cùng với hàm kích hoạt, nó quyết định tín hiệu có đi trọn qua mạng được hay không, và việc huấn luyện hội tụ nhanh hay chậm, nếu hội tụ được.</p>
<p>Xét một mạng có \(L\) tầng. Tầng \(l\) biến \(\mathbf{h}^{l-1}\) thành \(\mathbf{h}^{l} = f_l(\mathbf{h}^{l-1})\), bắt đầu từ \(\mathbf{h}^0 = \mathbf{x}\) và kết thúc ở đầu ra \(\mathbf{o} = \mathbf{h}^L\). Theo quy tắc dây chuyền, đạo hàm của đầu ra theo trọng số của tầng \(l\) là một chuỗi ma trận Jacobi nhân liên tiếp:</p>
\[\frac{\partial \mathbf{o}}{\partial \mathbf{W}^{l}} = \underbrace{\frac{\partial \mathbf{h}^{L}}{\partial \mathbf{h}^{L-1}}}_{\mathbf{M}_L} \cdots \underbrace{\frac{\partial \mathbf{h}^{l+1}}{\partial \mathbf{h}^{l}}}_{\mathbf{M}_{l+1}} \, \underbrace{\frac{\partial \mathbf{h}^{l}}{\partial \mathbf{W}^{l}}}_{\mathbf{v}_l}.\]
<p>Tức là \(L-l\) ma trận nhân với \(\mathbf{v}_l\); với những tầng đầu, gần \(L\) thừa số. Mỗi thừa số có thể chỉ kéo giãn hay co một vector đi đôi chút, nhưng “đôi chút” lặp lại qua vài chục tầng thì thành con số khổng lồ.</p>
<p>Tích của rất nhiều thừa số là cái bẫy quen thuộc của số thực dấu phẩy động. Mỗi số được lưu bằng phần định trị và phần mũ, và phần mũ chỉ nằm trong một khoảng cố định. Với độ chính xác đơn (f32), số dương chuẩn nhỏ nhất vào khoảng \(1{,}2\times10^{-38}\) và số lớn nhất vào khoảng \(3{,}4\times10^{38}\); với độ chính xác kép (f64) là \(2{,}2\times10^{-308}\) và \(1{,}8\times10^{308}\). Nhỏ hơn khoảng đó thì xảy ra <em>tràn số dưới</em>: qua một dải ngắn các số dưới chuẩn (xuống tới \(1{,}4\times10^{-45}\) với f32), giá trị thành đúng 0. Lớn hơn thì <em>tràn số trên</em> thành \(\infty\). Khi phải nhân nhiều xác suất, ta tránh bẫy bằng cách cộng logarit của chúng: logarit biến một số nhỏ tới mức không lưu nổi thành một số âm vừa phải. Ở đây lối thoát đó không dùng được: các thừa số là ma trận với trị riêng bất kỳ, lớn hay nhỏ, và bước cập nhật dùng chính gradient chứ không phải logarit của nó.</p>
<p>Hơn nữa, kể cả khi các con số vẫn biểu diễn được, chính độ lớn của chúng mới là rắc rối. Gradient lớn gấp \(10^{20}\) lần mức hợp lý sẽ hất trọng số văng đi rất xa chỉ sau một bước: đó là <em>bùng nổ gradient</em>. Gradient nhỏ đi \(10^{20}\) lần thì trọng số gần như đứng yên và các tầng đầu chẳng học được gì: đó là <em>tiêu biến gradient</em>.</p>`,
        },
      },
      { cell: 'gradients' },
      {
        prose: {
          en: r`<p><strong>How to read the widget.</strong> The network is \(\mathbf{h}^l = \varphi(\mathbf{W}^l\mathbf{h}^{l-1})\) with no biases, fed a batch of \(B\) random inputs; the loss \(\ell\) is the sum of the outputs divided by \(B\). Layer 1, next to the input, is on the left; layer \(L\) on the right. The vertical axis is logarithmic, so a straight line is geometric growth or decay: every layer multiplies by the same factor.</p>
<ul>
<li><strong>Blue</strong>, \(\lVert\partial\ell/\partial\mathbf{W}^l\rVert_F\): the gradient that an update of layer \(l\)'s weights would use.</li>
<li><strong>Red</strong>, \(\lVert\partial\ell/\partial\mathbf{h}^{l-1}\rVert_F/\sqrt{B}\): the backward signal that layer \(l\) hands down to the layers below. Read it from right to left, the way backpropagation travels.</li>
<li><strong>Green</strong>, the standard deviation of the pre-activations \(\mathbf{z}^l = \mathbf{W}^l\mathbf{h}^{l-1}\): the forward signal. Read it from left to right.</li>
</ul>
<p>In a stable network all three are roughly level; the range of weight scales where that happens is narrow, and it narrows as the network gets deeper. It is sometimes called the <em>Goldilocks zone</em>: not too small, not too large. With the defaults (<a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=sigmoid;init=normal;sigma=0.1;width=64;depth=30">sigmoid, \(\sigma = 0.1\)</a>) the red curve drops by many powers of ten on its way to layer 1 and the blue one follows it down: a vanishing gradient. The dashed curves of the theory toggle are what the variance bookkeeping of the Xavier section predicts for a very wide network.</p>
<p><strong>Why the blue curve alone can fool you.</strong> The weight gradient of a layer is a sum of outer products over the batch, \(\partial\ell/\partial\mathbf{W}^l = \sum_b \boldsymbol{\delta}^l_b\,(\mathbf{h}^{l-1}_b)^\top\) with \(\boldsymbol{\delta}^l = \partial\ell/\partial\mathbf{z}^l\), so its size is roughly the backward signal at layer \(l\) times the forward signal at layer \(l-1\). If the forward signal grows by a factor \(g\) per layer on the way up and the backward signal by the same \(g\) per layer on the way down, the two cancel and the blue curve is level even though both signals explode. Try <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=normal;sigma=1;width=64">ReLU with normal weights and \(\sigma = 1\) at width 64</a>: every layer's weight gradient sits near \(10^{23}\), a flat but absurd line, while the red and green curves show the explosion plainly. That is why the widget draws all three.</p>`,
          vi: r`<p><strong>Cách đọc công cụ.</strong> Mạng có dạng \(\mathbf{h}^l = \varphi(\mathbf{W}^l\mathbf{h}^{l-1})\), không có hệ số điều chỉnh, nhận vào một batch gồm \(B\) đầu vào ngẫu nhiên; hàm mất mát \(\ell\) là tổng các đầu ra chia cho \(B\). Tầng 1, sát đầu vào, nằm bên trái; tầng \(L\) nằm bên phải. Trục tung theo thang log, nên một đường thẳng nghĩa là tăng hoặc giảm theo cấp số nhân: tầng nào cũng nhân với cùng một hệ số.</p>
<ul>
<li><strong>Xanh dương</strong>, \(\lVert\partial\ell/\partial\mathbf{W}^l\rVert_F\): gradient mà bước cập nhật trọng số của tầng \(l\) sẽ dùng.</li>
<li><strong>Đỏ</strong>, \(\lVert\partial\ell/\partial\mathbf{h}^{l-1}\rVert_F/\sqrt{B}\): tín hiệu lan truyền ngược mà tầng \(l\) chuyển xuống các tầng bên dưới. Hãy đọc từ phải sang trái, đúng chiều của lan truyền ngược.</li>
<li><strong>Xanh lá</strong>, độ lệch chuẩn của các giá trị trước hàm kích hoạt \(\mathbf{z}^l = \mathbf{W}^l\mathbf{h}^{l-1}\): tín hiệu lan truyền xuôi. Đọc từ trái sang phải.</li>
</ul>
<p>Ở một mạng ổn định, cả ba đường đều gần như nằm ngang; khoảng độ lớn của trọng số cho kết quả ấy rất hẹp, và càng hẹp khi mạng càng sâu. Người ta đôi khi gọi nó là <em>vùng Goldilocks</em> (vùng “vừa đủ”): không quá nhỏ, không quá lớn. Với thiết lập mặc định (<a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=sigmoid;init=normal;sigma=0.1;width=64;depth=30">sigmoid, \(\sigma = 0{,}1\)</a>), đường đỏ tụt nhiều bậc lũy thừa của 10 trên đường về tầng 1 và đường xanh dương tụt theo: tiêu biến gradient. Các đường nét đứt, bật bằng ô lý thuyết, là dự đoán của phép tính phương sai trong phần khởi tạo Xavier cho một mạng rất rộng.</p>
<p><strong>Vì sao chỉ nhìn đường xanh dương có thể bị đánh lừa.</strong> Gradient theo trọng số của một tầng là tổng các tích ngoài trên cả batch, \(\partial\ell/\partial\mathbf{W}^l = \sum_b \boldsymbol{\delta}^l_b\,(\mathbf{h}^{l-1}_b)^\top\) với \(\boldsymbol{\delta}^l = \partial\ell/\partial\mathbf{z}^l\), nên độ lớn của nó xấp xỉ tín hiệu ngược ở tầng \(l\) nhân với tín hiệu xuôi ở tầng \(l-1\). Nếu tín hiệu xuôi tăng \(g\) lần mỗi tầng khi đi lên, còn tín hiệu ngược cũng tăng đúng \(g\) lần mỗi tầng khi đi xuống, hai hiệu ứng bù trừ nhau và đường xanh dương nằm ngang dù cả hai tín hiệu đều đang bùng nổ. Hãy thử <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=normal;sigma=1;width=64">ReLU với trọng số phân phối chuẩn, \(\sigma = 1\), độ rộng 64</a>: gradient theo trọng số của mọi tầng đều quanh \(10^{23}\), một đường phẳng nhưng vô lý, trong khi đường đỏ và đường xanh lá phơi bày rõ sự bùng nổ. Vì thế công cụ vẽ cả ba đường.</p>`,
        },
      },
    ],
  },

  // 2 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'vanishing',
    title: { en: 'Vanishing gradients', vi: 'Tiêu biến gradient' },
    blocks: [
      {
        prose: {
          en: r`<p>A common culprit is the activation function. For decades the default was the sigmoid \(\sigma(x) = 1/(1+e^{-x})\) (here \(\sigma\) is the function, not the weights' scale). It squeezes any input into \((0, 1)\) and looks like a smoothed threshold: a neuron that is either silent or firing at full strength, like the biological neurons that inspired the first networks.</p>
<p>Its derivative is \(\sigma'(x) = \sigma(x)\,(1-\sigma(x))\). It is largest at \(x = 0\), where it equals \(1/4\), and it dies off exponentially on both sides: for large \(|x|\), \(\sigma'(x)\approx e^{-|x|}\), so \(\sigma'(5)\approx 0.0066\) and \(\sigma'(10)\approx 4.5\times10^{-5}\). Hover over the plot to read both curves, or <a href="#slot-sigmoid" class="show-me" data-show="sigmoid" data-set="x=5">read them at \(x = 5\)</a>.</p>`,
          vi: r`<p>Thủ phạm thường gặp là hàm kích hoạt. Suốt nhiều thập kỷ, lựa chọn mặc định là sigmoid \(\sigma(x) = 1/(1+e^{-x})\) (ở đây \(\sigma\) là hàm số, không phải độ lớn của trọng số). Nó ép mọi đầu vào vào khoảng \((0, 1)\) và trông như một hàm lấy ngưỡng đã được làm trơn: nơ-ron hoặc im lặng, hoặc phát xung hết cỡ, giống các nơ-ron sinh học đã truyền cảm hứng cho những mạng nơ-ron đầu tiên.</p>
<p>Đạo hàm của nó là \(\sigma'(x) = \sigma(x)\,(1-\sigma(x))\). Đạo hàm lớn nhất tại \(x = 0\), bằng \(1/4\), và giảm theo hàm mũ về cả hai phía: khi \(|x|\) lớn, \(\sigma'(x)\approx e^{-|x|}\), nên \(\sigma'(5)\approx 0{,}0066\) và \(\sigma'(10)\approx 4{,}5\times10^{-5}\). Di chuột trên đồ thị để đọc giá trị của cả hai đường, hoặc <a href="#slot-sigmoid" class="show-me" data-show="sigmoid" data-set="x=5">đọc chúng tại \(x = 5\)</a>.</p>`,
        },
      },
      { cell: 'sigmoid' },
      {
        prose: {
          en: r`<p>Backpropagation multiplies by \(\sigma'(z)\) once per layer. Even in the best case, with every unit sitting exactly at 0, the activation alone shrinks the backward signal by at least a factor of four at each layer (before the weights have their say). A saturated unit, with \(|z|\) of 3 or more, contributes a factor of 0.05 or less. Over 30 layers, \(4^{-30}\approx10^{-18}\). Unless the weights keep the pre-activations in the narrow band around 0, the gradient is cut off at some layer on its way down, and every layer below it stops learning.</p>
<p>This is what held deep networks back for years, and why ReLU, \(\max(0, x)\), became the default. Its derivative is exactly 1 for every positive input: it is a poorer model of a biological neuron, but wherever it is active it passes the gradient through untouched.</p>
<p>The preset below builds two networks that differ only in their activation: same depth, width, weight scale and seed. Compare how many powers of ten the red backward signal loses between the last layer and the first in each. With ReLU the activation never shrinks a gradient that gets through; whatever trend remains comes from the weights' scale, which the He initialization of section 7 sets right. Then <a href="#slot-vanishing-preset" class="show-me" data-show="vanishing-preset" data-set="sigma=1">raise \(\sigma\) to 1</a>: the sigmoid network still vanishes, while the ReLU one now explodes; <a href="#slot-vanishing-preset" class="show-me" data-show="vanishing-preset" data-set="sigma=0.1768;depth=30">back to He's scale</a>.</p>`,
          vi: r`<p>Lan truyền ngược nhân với \(\sigma'(z)\) một lần ở mỗi tầng. Ngay cả trong trường hợp tốt nhất, khi mọi nút đều nằm đúng tại 0, riêng hàm kích hoạt đã làm tín hiệu ngược nhỏ đi ít nhất bốn lần sau mỗi tầng (chưa tính phần của trọng số). Một nút đã bão hòa, với \(|z|\) từ 3 trở lên, chỉ góp một hệ số cỡ 0,05 hoặc nhỏ hơn. Qua 30 tầng, \(4^{-30}\approx10^{-18}\). Trừ khi trọng số giữ được các giá trị trước hàm kích hoạt trong dải hẹp quanh 0, gradient sẽ bị cắt đứt ở một tầng nào đó trên đường đi xuống, và mọi tầng bên dưới ngừng học.</p>
<p>Đó là điều đã kìm hãm mạng sâu suốt nhiều năm, và là lý do ReLU, \(\max(0, x)\), trở thành lựa chọn mặc định. Đạo hàm của nó bằng đúng 1 với mọi đầu vào dương: ReLU mô phỏng nơ-ron sinh học kém hơn, nhưng ở đâu nó hoạt động thì gradient đi qua nguyên vẹn.</p>
<p>Thiết lập dựng sẵn dưới đây đặt cạnh nhau hai mạng chỉ khác nhau ở hàm kích hoạt: cùng độ sâu, độ rộng, độ lớn trọng số và seed. Hãy so xem ở mỗi mạng, tín hiệu ngược màu đỏ mất bao nhiêu bậc lũy thừa của 10 từ tầng cuối về tầng đầu. Với ReLU, hàm kích hoạt không bao giờ làm nhỏ một gradient đã đi qua được nó; xu hướng còn lại, nếu có, đến từ độ lớn của trọng số, thứ mà khởi tạo He ở phần 7 sẽ chỉnh cho đúng. Sau đó hãy <a href="#slot-vanishing-preset" class="show-me" data-show="vanishing-preset" data-set="sigma=1">tăng \(\sigma\) lên 1</a>: mạng sigmoid vẫn tiêu biến gradient, còn mạng ReLU giờ bùng nổ; <a href="#slot-vanishing-preset" class="show-me" data-show="vanishing-preset" data-set="sigma=0.1768;depth=30">trở lại độ lớn của He</a>.</p>`,
        },
      },
      { cell: 'vanishing-preset' },
    ],
  },

  // 3 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'exploding',
    title: { en: 'Exploding gradients', vi: 'Bùng nổ gradient' },
    blocks: [
      {
        prose: {
          en: r`<p>The opposite failure is just as damaging. The chapter's experiment strips a network down to its Jacobians: draw a random \(4\times4\) matrix with \(\mathcal{N}(0, 1)\) entries, then multiply it by 100 more such matrices, one after the other. The largest entry of the result, in magnitude, is around \(10^{25}\): over 400 seeds of the cell below, its median is \(10^{24.7}\) and 90% of the runs put it between about \(3\times10^{21}\) and \(3\times10^{27}\) (the norm \(\lVert\mathbf{M}\rVert_F\) is about 1.6 times larger). If the layers of a network behaved like these matrices, its first layer would receive gradients of that size, and no learning rate could make gradient descent converge from there.</p>
<p>The growth is geometric, and its rate can be computed. Multiplying a vector by an \(n\times n\) matrix of \(\mathcal{N}(0, \sigma^2)\) entries multiplies its squared length by \(\sigma^2\) times a \(\chi^2_n\) variable, so the logarithm of the length grows on average by</p>
\[\lambda = \tfrac12\left(\ln 2\sigma^2 + \psi\!\left(\tfrac{n}{2}\right)\right)\]
<p>per step, where \(\psi\) is the digamma function. This is the top Lyapunov exponent of the product. For \(n = 4\) and \(\sigma = 1\), \(\lambda = \tfrac12(\ln 2 + 1 - \gamma)\approx 0.558\), with \(\gamma\approx0.577\) the Euler–Mascheroni constant: about 0.24 powers of ten per step, 24 after 100 steps, which is the chapter's \(10^{25}\) once the starting matrix is counted. Each step also fluctuates around \(\lambda\) (variance \(\tfrac14\psi'(n/2)\)), which is why reruns scatter over a few powers of ten. Doubling \(\sigma\) adds \(\ln 2\) to \(\lambda\).</p>
<p>In f32 the largest number is about \(3.4\times10^{38} = e^{88.7}\). At \(\lambda\approx0.56\) the product gets there after roughly 160 steps; with \(\sigma = 2\) (\(\lambda\approx1.25\)), after about 70. From that step on the entries are \(\infty\), and one more multiplication that mixes \(+\infty\) with \(-\infty\) yields NaN. In the cell, choose f32 and raise the number of steps or \(\sigma\) until the overflow step appears: try <a href="#slot-product" class="show-me" data-show="product" data-set="precision=f32;steps=200;sigma=1">f32 with 200 steps</a>, or <a href="#slot-product" class="show-me" data-show="product" data-set="precision=f32;steps=100;sigma=2">f32 with \(\sigma = 2\)</a>.</p>`,
          vi: r`<p>Thất bại theo chiều ngược lại cũng tai hại không kém. Thí nghiệm của chương giản lược mạng, chỉ giữ lại các ma trận Jacobi: lấy một ma trận ngẫu nhiên \(4\times4\) có các phần tử theo \(\mathcal{N}(0, 1)\), rồi lần lượt nhân nó với 100 ma trận như thế nữa. Phần tử lớn nhất (về trị tuyệt đối) của kết quả cỡ \(10^{25}\): qua 400 seed của ô bên dưới, trung vị của nó là \(10^{24{,}7}\) và 90% số lần chạy cho nó nằm trong khoảng từ chừng \(3\times10^{21}\) đến \(3\times10^{27}\) (chuẩn \(\lVert\mathbf{M}\rVert_F\) lớn hơn chừng 1,6 lần). Nếu các tầng của một mạng hành xử như những ma trận này, tầng đầu tiên sẽ nhận gradient cỡ đó, và không tốc độ học nào giúp hạ gradient hội tụ được từ điểm xuất phát như vậy.</p>
<p>Sự tăng trưởng này theo cấp số nhân, và tốc độ của nó tính được. Nhân một vector với ma trận \(n\times n\) có các phần tử \(\mathcal{N}(0, \sigma^2)\) thì bình phương độ dài của nó được nhân với \(\sigma^2\) lần một biến \(\chi^2_n\), nên trung bình logarit của độ dài tăng thêm</p>
\[\lambda = \tfrac12\left(\ln 2\sigma^2 + \psi\!\left(\tfrac{n}{2}\right)\right)\]
<p>sau mỗi bước, với \(\psi\) là hàm digamma. Đây chính là số mũ Lyapunov lớn nhất của tích. Với \(n = 4\) và \(\sigma = 1\), \(\lambda = \tfrac12(\ln 2 + 1 - \gamma)\approx 0{,}558\), trong đó \(\gamma\approx0{,}577\) là hằng số Euler–Mascheroni: khoảng 0,24 bậc lũy thừa của 10 mỗi bước, 24 bậc sau 100 bước, khớp với \(10^{25}\) của chương khi tính cả ma trận ban đầu. Mỗi bước còn dao động quanh \(\lambda\) (phương sai \(\tfrac14\psi'(n/2)\)), nên các lần chạy lại lệch nhau vài bậc. Tăng \(\sigma\) gấp đôi thì \(\lambda\) tăng thêm \(\ln 2\).</p>
<p>Với f32, số lớn nhất vào khoảng \(3{,}4\times10^{38} = e^{88{,}7}\). Với \(\lambda\approx0{,}56\), tích chạm tới đó sau chừng 160 bước; với \(\sigma = 2\) (\(\lambda\approx1{,}25\)) thì sau chừng 70 bước. Từ bước ấy các phần tử thành \(\infty\), và chỉ thêm một phép nhân trộn \(+\infty\) với \(-\infty\) là ra NaN. Ở ô bên dưới, hãy chọn f32 rồi tăng số bước hoặc \(\sigma\) cho tới khi thấy bước xảy ra tràn số trên: thử <a href="#slot-product" class="show-me" data-show="product" data-set="precision=f32;steps=200;sigma=1">f32 với 200 bước</a>, hoặc <a href="#slot-product" class="show-me" data-show="product" data-set="precision=f32;steps=100;sigma=2">f32 với \(\sigma = 2\)</a>.</p>`,
        },
      },
      { cell: 'product' },
    ],
  },

  // 4 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'symmetry',
    title: { en: 'Breaking the symmetry', vi: 'Phá vỡ tính đối xứng' },
    blocks: [
      {
        prose: {
          en: r`<p>A different problem has nothing to do with scale. Take a multilayer perceptron with one hidden layer of two units, \(h_1\) and \(h_2\). Swap them: exchange the two rows of \(\mathbf{W}^{(1)}\) (and the two entries of \(\mathbf{b}^{(1)}\)) together with the matching two columns of \(\mathbf{W}^{(2)}\). The network computes exactly the same function. Nothing tells the first hidden unit from the second; the layer has <em>permutation symmetry</em>.</p>
<p>That is harmless unless the units start out identical. Suppose every weight is initialized to the same constant \(c\) and every bias to 0, as the cell below does (equal nonzero biases would do the same harm). Both hidden units then compute the same value on every input and receive the same backward signal from the output, so they get the same gradient: the derivative with respect to unit 1's incoming weights equals, entry by entry, the one for unit 2. After an SGD step they are still equal, and by induction they stay equal forever. The layer acts like one unit copied twice, and the extra width buys nothing. In short: the loss does not change when the units are swapped, so symmetric parameters get a symmetric gradient, and a gradient step keeps them symmetric.</p>
<p>Two things break the tie. <strong>Random initialization</strong> breaks it from the start: units that begin different get different gradients and drift further apart. <strong>Dropout</strong> breaks it during training: each step silences a random subset of units, so two identical units see different masks and get different updates, and once they differ they keep differing. The noise of minibatch SGD does not help, because every unit sees the same minibatch.</p>`,
          vi: r`<p>Một vấn đề khác chẳng liên quan gì đến độ lớn. Lấy một perceptron đa tầng có một tầng ẩn gồm hai nút \(h_1\) và \(h_2\). Hoán đổi chúng: đổi chỗ hai hàng của \(\mathbf{W}^{(1)}\) (và hai phần tử của \(\mathbf{b}^{(1)}\)), đồng thời đổi chỗ hai cột tương ứng của \(\mathbf{W}^{(2)}\). Mạng vẫn tính đúng hàm số cũ. Không có gì phân biệt nút ẩn thứ nhất với nút thứ hai; tầng ẩn có tính <em>đối xứng hoán vị</em>.</p>
<p>Điều đó vô hại, trừ khi các nút xuất phát giống hệt nhau. Giả sử mọi trọng số đều được khởi tạo bằng cùng một hằng số \(c\) và mọi hệ số điều chỉnh bằng 0, như ô bên dưới làm (các hệ số điều chỉnh bằng nhau nhưng khác 0 cũng gây hại y như vậy). Khi đó hai nút ẩn cho ra cùng một giá trị với mọi đầu vào và nhận cùng một tín hiệu lan truyền ngược từ đầu ra, nên chúng có cùng gradient: đạo hàm theo các trọng số đi vào nút 1 bằng, từng phần tử một, đạo hàm theo các trọng số đi vào nút 2. Sau một bước SGD chúng vẫn bằng nhau, và theo quy nạp thì bằng nhau mãi mãi. Tầng ẩn hoạt động như một nút bị nhân bản, và độ rộng thêm vào chẳng mang lại gì. Nói gọn lại: hàm mất mát không đổi khi hoán đổi các nút, nên tham số đối xứng thì gradient cũng đối xứng, và một bước hạ gradient giữ nguyên sự đối xứng ấy.</p>
<p>Có hai cách phá vỡ tính đối xứng. <strong>Khởi tạo ngẫu nhiên</strong> phá nó ngay từ đầu: các nút xuất phát khác nhau thì nhận gradient khác nhau và càng lúc càng tách xa. <strong>Dropout</strong> phá nó trong lúc huấn luyện: mỗi bước tắt ngẫu nhiên một số nút, nên hai nút vốn giống hệt nhau gặp những mặt nạ khác nhau và được cập nhật khác nhau; một khi đã khác, chúng sẽ khác mãi. Nhiễu của SGD theo minibatch thì không giúp gì, vì mọi nút đều thấy cùng một minibatch.</p>`,
        },
      },
      { cell: 'symmetry' },
      {
        prose: {
          en: r`<p>In the cell each hidden unit's incoming weights are drawn over the SGD steps. With constant initialization the curves of all units lie exactly on top of each other however long you train, both with two hidden units and with a wider layer. <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;dropout=1">Turn on dropout</a>, or <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=normal;dropout=0">switch to random initialization</a>, and they fan out.</p>`,
          vi: r`<p>Ô trên vẽ trọng số đi vào của từng nút ẩn qua các bước SGD. Với khởi tạo hằng số, đường của mọi nút chồng khít lên nhau dù huấn luyện bao lâu, với hai nút ẩn cũng như với một tầng rộng hơn. <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;dropout=1">Bật dropout</a>, hoặc <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=normal;dropout=0">chuyển sang khởi tạo ngẫu nhiên</a>, các đường sẽ tách ra.</p>`,
        },
      },
    ],
  },

  // 5 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'default-init',
    title: { en: 'Default initialization', vi: 'Khởi tạo mặc định' },
    blocks: [
      {
        prose: {
          en: r`<p>Careful initialization is the first defence against all three problems; careful optimization and suitable regularization add more. We have been relying on one without looking at it. In MXNet, <code>net.initialize()</code> with no argument draws every weight from the uniform distribution \(U[-0.07, 0.07]\) and sets every bias to 0 (the book's usual explicit choice, when it sets one, is <code>init.Normal(sigma=0.01)</code>, that is \(\mathcal{N}(0, 0.01^2)\)). For problems of moderate size this works well. But the scale 0.07 is the same for every layer, whatever its width: the variance it gives, \(0.07^2/3\approx1.6\times10^{-3}\), equals \(1/n_\text{in}\) only for layers about 600 units wide.</p>
<p>Today's frameworks choose the scale from the layer's shape. Their defaults for a fully connected layer:</p>
<ul>
<li><strong>PyTorch</strong>, <code>torch.nn.Linear</code>: weights by <code>kaiming_uniform_</code> with \(a = \sqrt{5}\), which works out to \(U(-1/\sqrt{n_\text{in}}, 1/\sqrt{n_\text{in}})\), a variance of \(1/(3n_\text{in})\); biases from the same range \(U(-1/\sqrt{n_\text{in}}, 1/\sqrt{n_\text{in}})\).</li>
<li><strong>TensorFlow / Keras</strong>, <code>tf.keras.layers.Dense</code>: weights <code>glorot_uniform</code>, the Xavier uniform distribution of section 6; biases zero.</li>
<li><strong>JAX / Flax</strong>, <code>flax.linen.Dense</code>: weights <code>lecun_normal</code>, a truncated normal with variance \(1/n_\text{in}\); biases zero.</li>
<li><strong>MXNet Gluon</strong>, <code>gluon.nn.Dense</code>: the initializer passed to <code>initialize()</code>, by default \(U[-0.07, 0.07]\); biases zero.</li>
</ul>
<p>The cell below runs the main widget's experiment three times side by side, from MXNet's, PyTorch's and Keras' defaults, with a shared depth, width and activation. At width 64 an MXNet weight's standard deviation is \(0.07/\sqrt3\approx0.040\); times \(\sqrt{64} = 8\) that is only about 0.32 per linear layer, so the signal shrinks layer after layer. PyTorch's scale follows the width: each linear layer multiplies the signal by \(1/\sqrt3\approx0.58\) whatever the width, deliberately on the small side. Keras' Xavier uniform keeps a linear layer's factor near 1. Change the width, to <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="width=16">16</a> or <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="width=128">128</a>, and watch MXNet's chart change while the other two barely move.</p>`,
          vi: r`<p>Khởi tạo cẩn thận là tuyến phòng thủ đầu tiên trước cả ba vấn đề trên; tối ưu hóa cẩn thận và điều chuẩn phù hợp củng cố thêm. Lâu nay ta vẫn dựa vào một cách khởi tạo mà không để ý tới nó. Trong MXNet, gọi <code>net.initialize()</code> không đối số sẽ lấy mọi trọng số từ phân phối đều \(U[-0{,}07;\ 0{,}07]\) và đặt mọi hệ số điều chỉnh bằng 0 (khi chỉ định tường minh, sách thường chọn <code>init.Normal(sigma=0.01)</code>, tức \(\mathcal{N}(0;\ 0{,}01^2)\)). Với các bài toán cỡ vừa, cách này chạy tốt. Nhưng độ lớn 0,07 là như nhau ở mọi tầng, bất kể độ rộng: phương sai nó tạo ra, \(0{,}07^2/3\approx1{,}6\times10^{-3}\), chỉ bằng \(1/n_\text{in}\) khi tầng rộng khoảng 600 nút.</p>
<p>Các framework ngày nay chọn độ lớn theo kích thước của tầng. Khởi tạo mặc định của chúng cho tầng kết nối đầy đủ:</p>
<ul>
<li><strong>PyTorch</strong>, <code>torch.nn.Linear</code>: trọng số theo <code>kaiming_uniform_</code> với \(a = \sqrt{5}\), rút gọn lại là \(U(-1/\sqrt{n_\text{in}}, 1/\sqrt{n_\text{in}})\), phương sai \(1/(3n_\text{in})\); hệ số điều chỉnh lấy từ cùng khoảng \(U(-1/\sqrt{n_\text{in}}, 1/\sqrt{n_\text{in}})\).</li>
<li><strong>TensorFlow / Keras</strong>, <code>tf.keras.layers.Dense</code>: trọng số theo <code>glorot_uniform</code>, tức phân phối đều của khởi tạo Xavier ở phần 6; hệ số điều chỉnh bằng 0.</li>
<li><strong>JAX / Flax</strong>, <code>flax.linen.Dense</code>: trọng số theo <code>lecun_normal</code>, phân phối chuẩn bị cắt cụt với phương sai \(1/n_\text{in}\); hệ số điều chỉnh bằng 0.</li>
<li><strong>MXNet Gluon</strong>, <code>gluon.nn.Dense</code>: bộ khởi tạo truyền vào <code>initialize()</code>, mặc định là \(U[-0{,}07;\ 0{,}07]\); hệ số điều chỉnh bằng 0.</li>
</ul>
<p>Ô bên dưới chạy thí nghiệm của công cụ chính ba lần cạnh nhau, từ khởi tạo mặc định của MXNet, PyTorch và Keras, với chung độ sâu, độ rộng và hàm kích hoạt. Với độ rộng 64, độ lệch chuẩn của một trọng số MXNet là \(0{,}07/\sqrt3\approx0{,}040\); nhân với \(\sqrt{64} = 8\) chỉ được khoảng 0,32 cho mỗi tầng tuyến tính, nên tín hiệu co dần qua từng tầng. Độ lớn của PyTorch đi theo độ rộng: mỗi tầng tuyến tính nhân tín hiệu với \(1/\sqrt3\approx0{,}58\) bất kể độ rộng, một lựa chọn cố ý nghiêng về phía nhỏ. Xavier (phân phối đều) của Keras giữ hệ số của một tầng tuyến tính gần 1. Hãy đổi độ rộng, thành <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="width=16">16</a> hoặc <a href="#slot-default-init" class="show-me" data-show="default-init" data-set="width=128">128</a>, và xem biểu đồ của MXNet thay đổi trong khi hai biểu đồ kia gần như đứng yên.</p>`,
        },
      },
      { cell: 'default-init' },
    ],
  },

  // 6 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'xavier',
    title: { en: 'Xavier initialization', vi: 'Khởi tạo Xavier' },
    blocks: [
      {
        prose: {
          en: r`<p>Why should the scale depend on the width? Follow the variance through one linear layer, \(o_i = \sum_{j=1}^{n_\text{in}} w_{ij}\,x_j\), leaving the nonlinearity aside. We only need two moments, so let the distribution be anything: draw every weight independently with \(E[w_{ij}] = 0\) and \(E[w_{ij}^2] = \sigma^2\), and feed inputs, drawn independently of the weights, with \(E[x_j] = 0\) and \(E[x_j^2] = \gamma^2\).</p>
<ol class="derivation">
<li><strong>Mean.</strong> Each term has \(E[w_{ij}x_j] = E[w_{ij}]\,E[x_j] = 0\), so \(E[o_i] = 0\).</li>
<li><strong>Variance.</strong> With mean 0, \(\operatorname{Var}[o_i] = E[o_i^2]\). Expanding the square, the cross terms \(E[w_{ij}w_{ik}x_jx_k]\) with \(j\neq k\) vanish because independent weights with mean 0 average out. What remains is \[\operatorname{Var}[o_i] = \sum_{j=1}^{n_\text{in}} E[w_{ij}^2]\,E[x_j^2] = n_\text{in}\,\sigma^2\gamma^2.\]</li>
<li><strong>Forward condition.</strong> Each layer multiplies the variance by \(n_\text{in}\sigma^2\), and \(L\) layers by \((n_\text{in}\sigma^2)^L\). It stays put only if \(n_\text{in}\sigma^2 = 1\).</li>
<li><strong>Backward condition.</strong> Backpropagation sends the incoming gradient \(\mathbf{g}\) through \(\mathbf{W}^\top\mathbf{g}\): the same sum, now over the \(n_\text{out}\) outputs. The gradient's variance stays put only if \(n_\text{out}\sigma^2 = 1\).</li>
<li><strong>The compromise.</strong> Both conditions hold together only when \(n_\text{in} = n_\text{out}\). Glorot and Bengio (2010) satisfy their average instead (the scheme is named after the first author, Xavier Glorot): \[\tfrac12\,(n_\text{in} + n_\text{out})\,\sigma^2 = 1 \quad\Longleftrightarrow\quad \sigma = \sqrt{\frac{2}{n_\text{in} + n_\text{out}}}.\]</li>
<li><strong>Gaussian.</strong> Xavier normal draws \(w_{ij}\sim\mathcal{N}\big(0,\ 2/(n_\text{in} + n_\text{out})\big)\).</li>
<li><strong>Uniform.</strong> \(U[-a, a]\) has variance \(\int_{-a}^{a} w^2\,\frac{dw}{2a} = a^2/3\). Setting \(a^2/3 = 2/(n_\text{in} + n_\text{out})\) gives Xavier uniform, \[U\left[-\sqrt{\frac{6}{n_\text{in} + n_\text{out}}},\ \sqrt{\frac{6}{n_\text{in} + n_\text{out}}}\right].\]</li>
</ol>`,
          vi: r`<p>Vì sao độ lớn lại phải phụ thuộc vào độ rộng? Hãy theo dõi phương sai qua một tầng tuyến tính \(o_i = \sum_{j=1}^{n_\text{in}} w_{ij}\,x_j\), tạm gác hàm kích hoạt sang một bên. Ta chỉ cần hai mô-men, nên phân phối có dạng gì cũng được: mỗi trọng số được lấy độc lập với \(E[w_{ij}] = 0\) và \(E[w_{ij}^2] = \sigma^2\), còn các đầu vào, lấy độc lập với trọng số, có \(E[x_j] = 0\) và \(E[x_j^2] = \gamma^2\).</p>
<ol class="derivation">
<li><strong>Trung bình.</strong> Mỗi số hạng có \(E[w_{ij}x_j] = E[w_{ij}]\,E[x_j] = 0\), nên \(E[o_i] = 0\).</li>
<li><strong>Phương sai.</strong> Vì trung bình bằng 0, \(\operatorname{Var}[o_i] = E[o_i^2]\). Khai triển bình phương, các số hạng chéo \(E[w_{ij}w_{ik}x_jx_k]\) với \(j\neq k\) đều bằng 0 do các trọng số độc lập và có trung bình 0. Phần còn lại là \[\operatorname{Var}[o_i] = \sum_{j=1}^{n_\text{in}} E[w_{ij}^2]\,E[x_j^2] = n_\text{in}\,\sigma^2\gamma^2.\]</li>
<li><strong>Điều kiện chiều xuôi.</strong> Mỗi tầng nhân phương sai với \(n_\text{in}\sigma^2\), và \(L\) tầng nhân với \((n_\text{in}\sigma^2)^L\). Phương sai chỉ giữ nguyên khi \(n_\text{in}\sigma^2 = 1\).</li>
<li><strong>Điều kiện chiều ngược.</strong> Lan truyền ngược đưa gradient từ tầng trên \(\mathbf{g}\) qua \(\mathbf{W}^\top\mathbf{g}\): vẫn tổng ấy, nhưng giờ chạy trên \(n_\text{out}\) đầu ra. Phương sai của gradient chỉ giữ nguyên khi \(n_\text{out}\sigma^2 = 1\).</li>
<li><strong>Thỏa hiệp.</strong> Hai điều kiện chỉ cùng đúng khi \(n_\text{in} = n_\text{out}\). Glorot và Bengio (2010) đề xuất thỏa mãn trung bình của chúng (phương pháp mang tên tác giả thứ nhất, Xavier Glorot): \[\tfrac12\,(n_\text{in} + n_\text{out})\,\sigma^2 = 1 \quad\Longleftrightarrow\quad \sigma = \sqrt{\frac{2}{n_\text{in} + n_\text{out}}}.\]</li>
<li><strong>Phân phối Gauss.</strong> Khởi tạo Xavier (phân phối chuẩn) lấy \(w_{ij}\sim\mathcal{N}\big(0,\ 2/(n_\text{in} + n_\text{out})\big)\).</li>
<li><strong>Phân phối đều.</strong> \(U[-a, a]\) có phương sai \(\int_{-a}^{a} w^2\,\frac{dw}{2a} = a^2/3\). Đặt \(a^2/3 = 2/(n_\text{in} + n_\text{out})\) ta được khởi tạo Xavier (phân phối đều), \[U\left[-\sqrt{\frac{6}{n_\text{in} + n_\text{out}}},\ \sqrt{\frac{6}{n_\text{in} + n_\text{out}}}\right].\]</li>
</ol>`,
        },
      },
      { cell: 'xavier' },
      {
        prose: {
          en: r`<p>The cell stacks linear layers of different widths. With \(\mathcal{N}(0, \sigma^2)\) and one \(\sigma\) for every layer, layer \(l\) multiplies the forward variance by \(n_{l-1}\sigma^2\) and the backward variance by \(n_l\sigma^2\). In a layer with \(n_\text{in}\neq n_\text{out}\) no \(\sigma\) makes both factors 1: fix one and the other is off by the ratio of the widths. When widths go up and down it gets worse, since a \(\sigma\) that suits a narrow layer is too large for a wide one. <a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=normal;sigma=0.1">Look for a \(\sigma\)</a> that keeps both curves level: there is none.</p>
<p><a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=xavier-normal">Xavier chooses \(\sigma\) per layer</a>. Layer \(l\) then multiplies the forward variance by \(2n_{l-1}/(n_{l-1}+n_l)\) and the backward variance by \(2n_l/(n_{l-1}+n_l)\). Neither is exactly 1, but both lie between 0 and 2, and their product \(4n_{l-1}n_l/(n_{l-1}+n_l)^2\) never exceeds 1. Over a whole linear network, then, the forward gain times the backward gain is at most 1, while their ratio telescopes to \(n_0/n_L\), input width over output width. So the forward gain is at most \(\sqrt{n_0/n_L}\) and the backward gain at most \(\sqrt{n_L/n_0}\), however deep the network. Xavier normal and Xavier uniform have the same variance, so their curves agree up to sampling noise.</p>`,
          vi: r`<p>Ô trên xếp chồng các tầng tuyến tính có độ rộng khác nhau. Với \(\mathcal{N}(0, \sigma^2)\) và cùng một \(\sigma\) cho mọi tầng, tầng \(l\) nhân phương sai chiều xuôi với \(n_{l-1}\sigma^2\) và phương sai chiều ngược với \(n_l\sigma^2\). Ở một tầng có \(n_\text{in}\neq n_\text{out}\), không \(\sigma\) nào làm cả hai hệ số bằng 1: cố định một hệ số thì hệ số kia lệch đúng bằng tỉ số hai độ rộng. Khi độ rộng lúc tăng lúc giảm thì càng tệ hơn, vì \(\sigma\) hợp với tầng hẹp lại quá lớn cho tầng rộng. <a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=normal;sigma=0.1">Hãy thử tìm một \(\sigma\)</a> giữ cho cả hai đường nằm ngang: không có giá trị nào như vậy.</p>
<p><a href="#slot-xavier" class="show-me" data-show="xavier" data-set="init=xavier-normal">Khởi tạo Xavier chọn \(\sigma\) riêng cho từng tầng</a>. Khi đó tầng \(l\) nhân phương sai chiều xuôi với \(2n_{l-1}/(n_{l-1}+n_l)\) và phương sai chiều ngược với \(2n_l/(n_{l-1}+n_l)\). Không hệ số nào đúng bằng 1, nhưng cả hai đều nằm giữa 0 và 2, và tích của chúng \(4n_{l-1}n_l/(n_{l-1}+n_l)^2\) không bao giờ vượt quá 1. Vì vậy, trên cả một mạng tuyến tính, tích của hệ số khuếch đại chiều xuôi và chiều ngược không quá 1, còn tỉ số của chúng rút gọn dần thành \(n_0/n_L\), độ rộng đầu vào chia độ rộng đầu ra. Suy ra hệ số chiều xuôi không quá \(\sqrt{n_0/n_L}\) và hệ số chiều ngược không quá \(\sqrt{n_L/n_0}\), dù mạng sâu đến đâu. Xavier (phân phối chuẩn) và Xavier (phân phối đều) có cùng phương sai, nên đường của chúng trùng nhau, chỉ sai khác do nhiễu lấy mẫu.</p>`,
        },
      },
      {
        prose: {
          en: r`<p>One more view ties the chapter together. Take a plain network with \(\mathcal{N}(0, \sigma^2)\) weights and ask, for every \(\sigma\) and every depth at once, how much the backward signal grows or shrinks between the top and the bottom. Mean-field theory (Poole et al., 2016; Schoenholz et al., 2017) follows the variance \(q\) of the pre-activations to its fixed point \(q^*\) and gives the factor each layer applies to the gradient's mean square, \(\chi = n\sigma^2\,E_{z\sim\mathcal{N}(0,q^*)}[\varphi'(z)^2]\). Below \(\chi = 1\) the gradient vanishes geometrically, above it explodes; \(\chi = 1\) is the critical line. For ReLU, \(E[\varphi'^2] = 1/2\) at any \(q\), so the line sits at \(\sigma = \sqrt{2/n}\), He's scale; for tanh at \(\sigma = 1/\sqrt{n}\), the scale of Xavier and LeCun for equal widths. Around the line lies the Goldilocks zone, where the signal changes by at most a couple of powers of ten, and since a deviation of \(\chi\) from 1 compounds over \(L\) layers, the zone narrows as the network deepens.</p>`,
          vi: r`<p>Một góc nhìn nữa gắn kết cả chương. Lấy một mạng đơn giản với trọng số \(\mathcal{N}(0, \sigma^2)\) rồi hỏi, cùng lúc cho mọi \(\sigma\) và mọi độ sâu, tín hiệu lan truyền ngược tăng hay giảm bao nhiêu giữa tầng trên cùng và tầng dưới cùng. Lý thuyết trường trung bình (Poole và cộng sự, 2016; Schoenholz và cộng sự, 2017) theo dõi phương sai \(q\) của các giá trị tiền kích hoạt tới điểm bất động \(q^*\) của nó, và cho ra hệ số mà mỗi tầng nhân vào bình phương trung bình của gradient, \(\chi = n\sigma^2\,E_{z\sim\mathcal{N}(0,q^*)}[\varphi'(z)^2]\). Dưới \(\chi = 1\) gradient tiêu biến theo cấp số nhân, trên đó thì bùng nổ; \(\chi = 1\) là đường tới hạn. Với ReLU, \(E[\varphi'^2] = 1/2\) với mọi \(q\), nên đường này nằm ở \(\sigma = \sqrt{2/n}\), đúng độ lớn của khởi tạo He; với tanh thì ở \(\sigma = 1/\sqrt{n}\), độ lớn của Xavier và LeCun khi các tầng rộng bằng nhau. Quanh đường tới hạn là vùng Goldilocks, nơi tín hiệu thay đổi không quá vài bậc lũy thừa của mười; vì độ lệch của \(\chi\) so với 1 tích lũy qua \(L\) tầng, vùng này hẹp dần khi mạng sâu thêm.</p>`,
        },
      },
      { cell: 'stability-map' },
    ],
  },

  // 7 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'beyond',
    title: { en: 'Beyond Xavier: He, LeCun and LARS', vi: 'Xa hơn khởi tạo Xavier: He, LeCun và LARS' },
    blocks: [
      {
        prose: {
          en: r`<p>Xavier's derivation assumed a linear layer; a nonlinearity changes the bookkeeping. ReLU zeroes every negative pre-activation. For a symmetric \(z\), half the units are off, and the second moment that gets through is \(E[\max(0, z)^2] = \tfrac12\operatorname{Var}[z]\). To make up for the lost half, He et al. (2015) double the forward condition's variance:</p>
\[\sigma^2 = \frac{2}{n_\text{in}} \qquad\text{(He, or Kaiming; uniform version } U\big[-\sqrt{6/n_\text{in}},\ \sqrt{6/n_\text{in}}\big]\text{)}.\]
<p>With it a deep ReLU network keeps its forward signal at a constant scale: <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=he-normal;sigma=1">set the main widget to ReLU and He normal</a> and the green curve is level. <strong>LeCun</strong> initialization (LeCun et al., 1998), \(\sigma^2 = 1/n_\text{in}\), is the bare forward condition from the Xavier derivation. It suits activations that behave like the identity near 0, such as tanh, and it is the default of Flax. All of these, and more, are in the main widget's initializer menu, where \(\sigma\) acts as a gain on the scheme's own scale.</p>
<p>These are only the best-known heuristics. MXNet's <code>mxnet.initializer</code> module alone implements more than a dozen, and new ones keep appearing, each built for a situation the variance argument above does not cover: weights that several layers share, networks that upsample images, recurrent models that apply one matrix many times, and others.</p>
<p>Does the starting point still matter once training is under way? The cell below trains one MLP on one synthetic regression task, generated by the engine (nothing is downloaded), once per initializer: same architecture, same data, same minibatches, same learning rate. The loss curves share one axis. Three patterns are typical. A scale that is too small leaves the loss on a plateau, because almost no gradient reaches the early layers. One that is too large makes it jump about or diverge. A scale matched to the activation (He for ReLU, Xavier or LeCun for tanh) starts descending at once. The histograms show each layer's activations as training goes on: a spike at 0 means the signal is dying out, piles at the ends of tanh's range mean the units are saturated.</p>`,
          vi: r`<p>Phép tính của Xavier giả định tầng tuyến tính; thêm hàm kích hoạt vào thì cách tính phải đổi. ReLU đưa mọi giá trị âm trước hàm kích hoạt về 0. Với \(z\) đối xứng, một nửa số nút bị tắt, và mô-men bậc hai đi qua được chỉ còn \(E[\max(0, z)^2] = \tfrac12\operatorname{Var}[z]\). Để bù cho nửa bị mất, He và cộng sự (2015) nhân đôi phương sai của điều kiện chiều xuôi:</p>
\[\sigma^2 = \frac{2}{n_\text{in}} \qquad\text{(He, hay Kaiming; bản phân phối đều } U\big[-\sqrt{6/n_\text{in}},\ \sqrt{6/n_\text{in}}\big]\text{)}.\]
<p>Nhờ vậy một mạng ReLU sâu giữ được tín hiệu lan truyền xuôi ở độ lớn không đổi: <a href="#slot-gradients" class="show-me" data-show="gradients" data-set="activation=relu;init=he-normal;sigma=1">đặt công cụ chính sang ReLU và He (phân phối chuẩn)</a>, đường xanh lá sẽ nằm ngang. Khởi tạo <strong>LeCun</strong> (LeCun và cộng sự, 1998), \(\sigma^2 = 1/n_\text{in}\), chính là điều kiện chiều xuôi thuần túy trong phép tính của Xavier. Nó hợp với các hàm kích hoạt gần giống hàm đồng nhất quanh 0, như tanh, và là mặc định của Flax. Tất cả các phương pháp này, và vài phương pháp khác, đều có trong danh sách bộ khởi tạo của công cụ chính, nơi \(\sigma\) đóng vai trò hệ số nhân với độ lớn riêng của từng phương pháp.</p>
<p>Đây mới chỉ là những phương pháp thực nghiệm nổi tiếng nhất. Riêng mô-đun <code>mxnet.initializer</code> của MXNet đã cài đặt hơn chục phương pháp, và các phương pháp mới vẫn tiếp tục ra đời, mỗi phương pháp nhắm vào một tình huống mà lập luận phương sai ở trên chưa tính tới: trọng số được nhiều tầng dùng chung, mạng phóng to ảnh, mô hình hồi tiếp áp dụng một ma trận nhiều lần, và nhiều trường hợp khác.</p>
<p>Khi việc huấn luyện đã bắt đầu, điểm xuất phát có còn quan trọng không? Ô bên dưới huấn luyện cùng một MLP trên cùng một bài toán hồi quy với dữ liệu nhân tạo do bộ máy tính toán tự sinh (không tải gì về), mỗi lần với một bộ khởi tạo: cùng kiến trúc, cùng dữ liệu, cùng các minibatch, cùng tốc độ học. Các đường mất mát dùng chung một trục. Thường gặp ba kiểu. Độ lớn quá nhỏ khiến hàm mất mát nằm ì trên một bình nguyên, vì gần như không có gradient nào tới được các tầng đầu. Độ lớn quá lớn khiến nó nhảy loạn hoặc phân kỳ. Độ lớn hợp với hàm kích hoạt (He cho ReLU, Xavier hoặc LeCun cho tanh) giảm ngay từ những bước đầu. Các biểu đồ tần suất cho thấy giá trị kích hoạt của từng tầng trong lúc huấn luyện: một cột nhọn tại 0 nghĩa là tín hiệu đang tắt dần, còn những đống dồn về hai đầu khoảng giá trị của tanh nghĩa là các nút đã bão hòa.</p>`,
        },
      },
      {
        prose: {
          en: r`<p><strong>Recap: the initializers at a glance.</strong> \(n_\text{in}\) and \(n_\text{out}\) are the layer's fan-in and fan-out; the uniform version \(U[-a, a]\) has the same variance, \(a^2/3\). The last column is what a fully connected layer gets when you pass no initializer (checked against each framework's documentation). Keras, Flax and MXNet start the biases at 0; PyTorch draws them from the same range as the weights.</p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="recap-caption">
<table class="recap">
<caption id="recap-caption">Initializers for a fully connected layer</caption>
<thead><tr><th scope="col">Initializer</th><th scope="col">Weight variance</th><th scope="col">Uniform bound \(a\)</th><th scope="col">Meant for</th><th scope="col">Default of a dense layer in</th></tr></thead>
<tbody>
<tr><th scope="row">Fixed scale, \(U[-0.07, 0.07]\)</th><td data-label="Weight variance">\(0.07^2/3\approx1.6\times10^{-3}\), whatever the width</td><td data-label="Uniform bound a">\(0.07\)</td><td data-label="Meant for">no activation in particular; right only for \(n_\text{in}\approx600\)</td><td data-label="Default in">MXNet Gluon <code>Dense</code> (<code>net.initialize()</code>)</td></tr>
<tr><th scope="row">PyTorch's default, <code>kaiming_uniform_</code> with \(a=\sqrt5\)</th><td data-label="Weight variance">\(1/(3n_\text{in})\)</td><td data-label="Uniform bound a">\(1/\sqrt{n_\text{in}}\)</td><td data-label="Meant for">no activation in particular; a little small on purpose</td><td data-label="Default in">PyTorch <code>nn.Linear</code></td></tr>
<tr><th scope="row">Xavier (Glorot)</th><td data-label="Weight variance">\(2/(n_\text{in}+n_\text{out})\)</td><td data-label="Uniform bound a">\(\sqrt{6/(n_\text{in}+n_\text{out})}\)</td><td data-label="Meant for">tanh, sigmoid, linear layers: activations close to linear near 0</td><td data-label="Default in">Keras <code>Dense</code> (<code>glorot_uniform</code>)</td></tr>
<tr><th scope="row">LeCun</th><td data-label="Weight variance">\(1/n_\text{in}\)</td><td data-label="Uniform bound a">\(\sqrt{3/n_\text{in}}\)</td><td data-label="Meant for">tanh, SELU</td><td data-label="Default in">Flax <code>nn.Dense</code> (<code>lecun_normal</code>, a truncated normal)</td></tr>
<tr><th scope="row">He (Kaiming)</th><td data-label="Weight variance">\(2/n_\text{in}\)</td><td data-label="Uniform bound a">\(\sqrt{6/n_\text{in}}\)</td><td data-label="Meant for">ReLU and its variants</td><td data-label="Default in">none of the four; on request (<code>kaiming_normal_</code>, <code>he_normal</code>)</td></tr>
</tbody>
</table>
</div>`,
          vi: r`<p><strong>Tổng kết: các bộ khởi tạo trong một bảng.</strong> \(n_\text{in}\) và \(n_\text{out}\) là số đầu vào và số đầu ra của tầng; bản phân phối đều \(U[-a; a]\) có cùng phương sai, \(a^2/3\). Cột cuối là khởi tạo mà một tầng kết nối đầy đủ nhận được khi ta không truyền bộ khởi tạo nào (đã đối chiếu với tài liệu của từng framework). Keras, Flax và MXNet đặt hệ số điều chỉnh ban đầu bằng 0; PyTorch lấy chúng từ cùng khoảng với trọng số.</p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="recap-caption">
<table class="recap">
<caption id="recap-caption">Các bộ khởi tạo cho tầng kết nối đầy đủ</caption>
<thead><tr><th scope="col">Bộ khởi tạo</th><th scope="col">Phương sai của trọng số</th><th scope="col">Cận \(a\) của bản phân phối đều</th><th scope="col">Dành cho</th><th scope="col">Mặc định của tầng kết nối đầy đủ trong</th></tr></thead>
<tbody>
<tr><th scope="row">Độ lớn cố định, \(U[-0{,}07;\ 0{,}07]\)</th><td data-label="Phương sai của trọng số">\(0{,}07^2/3\approx1{,}6\times10^{-3}\), bất kể độ rộng</td><td data-label="Cận a của bản phân phối đều">\(0{,}07\)</td><td data-label="Dành cho">không dành riêng cho hàm kích hoạt nào; chỉ đúng khi \(n_\text{in}\approx600\)</td><td data-label="Mặc định trong">MXNet Gluon <code>Dense</code> (<code>net.initialize()</code>)</td></tr>
<tr><th scope="row">Mặc định của PyTorch, <code>kaiming_uniform_</code> với \(a=\sqrt5\)</th><td data-label="Phương sai của trọng số">\(1/(3n_\text{in})\)</td><td data-label="Cận a của bản phân phối đều">\(1/\sqrt{n_\text{in}}\)</td><td data-label="Dành cho">không dành riêng cho hàm kích hoạt nào; cố ý nhỏ hơn một chút</td><td data-label="Mặc định trong">PyTorch <code>nn.Linear</code></td></tr>
<tr><th scope="row">Xavier (Glorot)</th><td data-label="Phương sai của trọng số">\(2/(n_\text{in}+n_\text{out})\)</td><td data-label="Cận a của bản phân phối đều">\(\sqrt{6/(n_\text{in}+n_\text{out})}\)</td><td data-label="Dành cho">tanh, sigmoid, tầng tuyến tính: các hàm kích hoạt gần tuyến tính quanh 0</td><td data-label="Mặc định trong">Keras <code>Dense</code> (<code>glorot_uniform</code>)</td></tr>
<tr><th scope="row">LeCun</th><td data-label="Phương sai của trọng số">\(1/n_\text{in}\)</td><td data-label="Cận a của bản phân phối đều">\(\sqrt{3/n_\text{in}}\)</td><td data-label="Dành cho">tanh, SELU</td><td data-label="Mặc định trong">Flax <code>nn.Dense</code> (<code>lecun_normal</code>, phân phối chuẩn bị cắt cụt)</td></tr>
<tr><th scope="row">He (Kaiming)</th><td data-label="Phương sai của trọng số">\(2/n_\text{in}\)</td><td data-label="Cận a của bản phân phối đều">\(\sqrt{6/n_\text{in}}\)</td><td data-label="Dành cho">ReLU và các biến thể của nó</td><td data-label="Mặc định trong">không framework nào trong bốn; phải gọi tường minh (<code>kaiming_normal_</code>, <code>he_normal</code>)</td></tr>
</tbody>
</table>
</div>`,
        },
      },
      { cell: 'training' },
      {
        prose: {
          en: r`<p>Exercise 4 asks whether divergence can be repaired after the fact instead of prevented. LARS, layer-wise adaptive rate scaling (You, Gitman and Ginsburg, 2017), does it layer by layer: it rescales each layer's update by the <em>trust ratio</em> \(\lVert\mathbf{w}^l\rVert/\lVert\nabla_{\mathbf{w}^l}\ell\rVert\),</p>
\[\mathbf{w}^l \leftarrow \mathbf{w}^l - \eta\,\tau\,\frac{\lVert\mathbf{w}^l\rVert}{\lVert\nabla_{\mathbf{w}^l}\ell\rVert}\,\nabla_{\mathbf{w}^l}\ell,\]
<p>with \(\eta\) the learning rate and \(\tau\) a trust coefficient. Each step then moves layer \(l\) by exactly \(\eta\,\tau\,\lVert\mathbf{w}^l\rVert\), a fixed fraction of the layer's own size, whatever the gradient's magnitude: a gradient \(10^{20}\) times too large, or too small, only contributes its direction. (The paper also folds weight decay into the ratio; it is left out here.) The cell runs a setting that diverges under plain SGD, and the same setting with LARS.</p>`,
          vi: r`<p>Bài tập 4 hỏi liệu có thể chữa sự phân kỳ sau khi nó xảy ra thay vì ngăn nó từ trước. LARS, viết tắt của layer-wise adaptive rate scaling (You, Gitman và Ginsburg, 2017), làm điều đó theo từng tầng: nó co giãn bước cập nhật của mỗi tầng theo <em>tỉ số tin cậy</em> \(\lVert\mathbf{w}^l\rVert/\lVert\nabla_{\mathbf{w}^l}\ell\rVert\),</p>
\[\mathbf{w}^l \leftarrow \mathbf{w}^l - \eta\,\tau\,\frac{\lVert\mathbf{w}^l\rVert}{\lVert\nabla_{\mathbf{w}^l}\ell\rVert}\,\nabla_{\mathbf{w}^l}\ell,\]
<p>với \(\eta\) là tốc độ học và \(\tau\) là hệ số tin cậy. Khi đó mỗi bước dịch tầng \(l\) đi đúng \(\eta\,\tau\,\lVert\mathbf{w}^l\rVert\), một phần cố định của chính độ lớn của tầng, bất kể gradient lớn hay nhỏ: gradient lớn hay nhỏ gấp \(10^{20}\) lần thì cũng chỉ đóng góp hướng của nó. (Bài báo còn gộp cả suy giảm trọng số vào tỉ số này; ở đây ta bỏ qua.) Ô bên dưới chạy một thiết lập phân kỳ với SGD thông thường, rồi chạy lại đúng thiết lập đó với LARS.</p>`,
        },
      },
      { cell: 'lars' },
    ],
  },

  // 8 ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'summary-exercises',
    title: { en: 'Summary and exercises', vi: 'Tóm tắt và bài tập' },
    blocks: [
      {
        prose: {
          en: r`<h3>Summary</h3>
<ul>
<li>Backpropagation hands an early layer a product of many per-layer Jacobians, so a factor slightly above or below 1 per layer becomes an explosion or a collapse that is exponential in the depth.</li>
<li>The starting weights set those factors. Matching the weights' variance to the layer widths (LeCun and He from the forward pass, Xavier from a compromise with the backward pass) keeps the signals at a steady size, inside the narrow Goldilocks zone.</li>
<li>The activation brings its own factor: the sigmoid's derivative never exceeds 1/4 and almost vanishes once a unit saturates, while ReLU's is exactly 1 on active units. That is one reason ReLU networks are easier to train deep.</li>
<li>Identical units receive identical updates forever. Random starting weights make them different from step 0; dropout can separate them later. Minibatch noise and weight decay cannot.</li>
</ul>
<h3>Exercises</h3>
<ol class="exercises">
<li><p>(From the chapter.) Swapping the hidden units of an MLP layer is one symmetry. Find other symmetries in neural networks that would need breaking.</p>
<p>The cell below tries one candidate on a ReLU network: it multiplies one layer's weights by \(\alpha\) and the next layer's by \(1/\alpha\). Move \(\alpha\), the layer and the activation, and watch two things separately: the network's output, and the size of each layer's gradient. Flip the sign of \(\alpha\) too, with ReLU and with tanh at \(\alpha = 1\), where the only change is the sign. Then open the hints below the cell.</p></li>
</ol>`,
          vi: r`<h3>Tóm tắt</h3>
<ul>
<li>Lan truyền ngược đưa tới một tầng đầu tích của rất nhiều ma trận Jacobi, mỗi tầng một ma trận, nên một hệ số chỉ hơi lớn hơn hay hơi nhỏ hơn 1 ở mỗi tầng cũng thành bùng nổ hay sụp đổ theo hàm mũ của độ sâu.</li>
<li>Trọng số ban đầu quyết định các hệ số ấy. Chọn phương sai của trọng số khớp với độ rộng của tầng (LeCun và He từ chiều xuôi, Xavier từ một thỏa hiệp với chiều ngược) giữ tín hiệu ở độ lớn ổn định, bên trong vùng Goldilocks hẹp.</li>
<li>Hàm kích hoạt góp hệ số riêng của nó: đạo hàm của sigmoid không bao giờ vượt quá 1/4 và gần như bằng 0 khi nút bão hòa, còn đạo hàm của ReLU bằng đúng 1 ở các nút đang hoạt động. Đó là một lý do khiến mạng ReLU sâu dễ huấn luyện hơn.</li>
<li>Các nút giống hệt nhau nhận cập nhật giống hệt nhau mãi mãi. Trọng số ban đầu ngẫu nhiên làm chúng khác nhau ngay từ bước 0; dropout có thể tách chúng ra về sau. Nhiễu của minibatch và suy giảm trọng số thì không.</li>
</ul>
<h3>Bài tập</h3>
<ol class="exercises">
<li><p>(Bài tập của chương.) Hoán đổi các nút ẩn trong một tầng của MLP là một kiểu đối xứng. Hãy tìm những kiểu đối xứng khác trong mạng nơ-ron cũng cần được phá vỡ.</p>
<p>Ô bên dưới thử một ứng viên trên mạng ReLU: nó nhân trọng số của một tầng với \(\alpha\) và trọng số của tầng kế tiếp với \(1/\alpha\). Hãy thay đổi \(\alpha\), tầng và hàm kích hoạt, rồi theo dõi riêng hai thứ: đầu ra của mạng, và độ lớn gradient của từng tầng. Thử cả đổi dấu \(\alpha\), với ReLU và với tanh tại \(\alpha = 1\), khi thay đổi duy nhất là dấu. Sau đó mở các gợi ý bên dưới ô.</p></li>
</ol>`,
        },
      },
      { cell: 'rescaling' },
      {
        prose: {
          en: r`<ol class="exercises" start="2">
<li><p>(From the chapter.) Can all the weights of a linear regression, or of a softmax regression, start at the same value?</p>
<p>In the symmetry section a constant start froze the hidden units of an MLP for good. The cell below gives a softmax regression, with no hidden layer, the same treatment: every weight starts at \(c\). Before you read the verdict under the chart, decide whether the loss will fall, and whether the weight columns of different classes will ever become different. For contrast, <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;dropout=0">put the MLP back on a constant start</a> and compare its hidden units with these class columns.</p></li>
</ol>`,
          vi: r`<ol class="exercises" start="2">
<li><p>(Bài tập của chương.) Có thể khởi tạo mọi trọng số của hồi quy tuyến tính, hay của hồi quy softmax, bằng cùng một giá trị không?</p>
<p>Trong phần về tính đối xứng, khởi tạo hằng số làm các nút ẩn của MLP đứng yên mãi mãi. Ô bên dưới đối xử với một mô hình hồi quy softmax, không có tầng ẩn, đúng như vậy: mọi trọng số bắt đầu bằng \(c\). Trước khi đọc kết luận dưới biểu đồ, hãy tự quyết định xem hàm mất mát có giảm không, và các cột trọng số của những lớp khác nhau có lúc nào trở nên khác nhau không. Để so sánh, <a href="#slot-symmetry" class="show-me" data-show="symmetry" data-set="init=constant;dropout=0">đưa MLP về lại khởi tạo hằng số</a> rồi so các nút ẩn của nó với các cột lớp ở đây.</p></li>
</ol>`,
        },
      },
      { cell: 'softmax' },
      {
        prose: {
          en: r`<ol class="exercises" start="3">
<li><p>(From the chapter.) Look up bounds on the eigenvalues of a product of two matrices. What do they say about keeping gradients well conditioned?</p>
<details class="hint"><summary>Hint</summary><p>Eigenvalues of a product are badly behaved: \(\mathbf{A} = \begin{pmatrix}0&1\\0&0\end{pmatrix}\) and \(\mathbf{B} = \begin{pmatrix}0&0\\1&0\end{pmatrix}\) have only the eigenvalue 0, yet \(\mathbf{AB} = \begin{pmatrix}1&0\\0&0\end{pmatrix}\) has the eigenvalue 1. Singular values behave well. For square matrices every singular value of \(\mathbf{AB}\) obeys</p>
\[\sigma_{\min}(\mathbf{A})\,\sigma_{\min}(\mathbf{B}) \le \sigma_i(\mathbf{AB}) \le \sigma_{\max}(\mathbf{A})\,\sigma_{\max}(\mathbf{B}),\]
<p>every eigenvalue satisfies \(|\lambda| \le \sigma_{\max}(\mathbf{AB})\), and \(|\det \mathbf{AB}| = |\det\mathbf{A}|\,|\det\mathbf{B}|\). So the condition number \(\kappa = \sigma_{\max}/\sigma_{\min}\) obeys \(\kappa(\mathbf{AB}) \le \kappa(\mathbf{A})\,\kappa(\mathbf{B})\), and through \(L\) layers it can grow like a product of \(L\) factors. To keep the gradient well conditioned, keep every layer's Jacobian's singular values close to 1: the idea behind orthogonal initialization. The cell below draws two random matrices and checks the bounds.</p></details></li>
</ol>`,
          vi: r`<ol class="exercises" start="3">
<li><p>(Bài tập của chương.) Hãy tra cứu các cận cho trị riêng của tích hai ma trận. Chúng cho biết gì về việc giữ cho gradient có điều kiện tốt?</p>
<details class="hint"><summary>Gợi ý</summary><p>Trị riêng của một tích khó lường: \(\mathbf{A} = \begin{pmatrix}0&1\\0&0\end{pmatrix}\) và \(\mathbf{B} = \begin{pmatrix}0&0\\1&0\end{pmatrix}\) chỉ có trị riêng 0, vậy mà \(\mathbf{AB} = \begin{pmatrix}1&0\\0&0\end{pmatrix}\) có trị riêng 1. Giá trị suy biến thì dễ bảo hơn. Với ma trận vuông, mọi giá trị suy biến của \(\mathbf{AB}\) thỏa mãn</p>
\[\sigma_{\min}(\mathbf{A})\,\sigma_{\min}(\mathbf{B}) \le \sigma_i(\mathbf{AB}) \le \sigma_{\max}(\mathbf{A})\,\sigma_{\max}(\mathbf{B}),\]
<p>mọi trị riêng thỏa mãn \(|\lambda| \le \sigma_{\max}(\mathbf{AB})\), và \(|\det \mathbf{AB}| = |\det\mathbf{A}|\,|\det\mathbf{B}|\). Do đó số điều kiện \(\kappa = \sigma_{\max}/\sigma_{\min}\) thỏa mãn \(\kappa(\mathbf{AB}) \le \kappa(\mathbf{A})\,\kappa(\mathbf{B})\), và qua \(L\) tầng nó có thể tăng như tích của \(L\) thừa số. Muốn gradient có điều kiện tốt, hãy giữ các giá trị suy biến của ma trận Jacobi ở mỗi tầng gần 1: đó là ý tưởng của khởi tạo trực giao. Ô bên dưới lấy hai ma trận ngẫu nhiên và kiểm tra các cận này.</p></details></li>
</ol>`,
        },
      },
      { cell: 'spectrum' },
      {
        prose: {
          en: r`<ol class="exercises" start="4">
<li><p>(From the chapter.) Suppose we know that some terms diverge. Can we repair this after the fact? Take the LARS paper (You, Gitman and Ginsburg, 2017) as a starting point.</p>
<details class="hint"><summary>Hint</summary><p>Yes, by rescaling the update rather than trusting its raw size. LARS divides each layer's gradient by its norm and multiplies by the norm of the layer's weights (the <a href="#slot-lars">LARS cell</a> in section 7). Gradient clipping, \(\mathbf{g}\leftarrow\min(1, \theta/\lVert\mathbf{g}\rVert)\,\mathbf{g}\), caps the step globally; adaptive optimizers such as Adam normalize each parameter's step by a moving average of its gradient's size; normalization layers rescale the activations themselves. Compare what each does to a gradient that is \(10^{20}\) times too large.</p></details></li>
</ol>`,
          vi: r`<ol class="exercises" start="4">
<li><p>(Bài tập của chương.) Giả sử ta biết một số số hạng sẽ phân kỳ. Có thể khắc phục điều đó sau khi nó đã xảy ra không? Hãy bắt đầu từ bài báo về LARS (You, Gitman và Ginsburg, 2017).</p>
<details class="hint"><summary>Gợi ý</summary><p>Có, bằng cách co giãn lại bước cập nhật thay vì tin vào độ lớn thô của nó. LARS chia gradient của mỗi tầng cho chuẩn của nó rồi nhân với chuẩn của trọng số tầng đó (xem <a href="#slot-lars">ô LARS</a> ở phần 7). Gọt gradient, \(\mathbf{g}\leftarrow\min(1, \theta/\lVert\mathbf{g}\rVert)\,\mathbf{g}\), chặn độ dài bước trên toàn mạng; các bộ tối ưu thích nghi như Adam chuẩn hóa bước của từng tham số theo trung bình động của độ lớn gradient; các tầng chuẩn hóa thì co giãn chính các giá trị kích hoạt. Hãy so sánh mỗi cách làm gì với một gradient lớn gấp \(10^{20}\) lần mức hợp lý.</p></details></li>
</ol>`,
        },
      },
    ],
  },
];

/** The names of the live cells, in page order (each appears once). */
export const CELL_NAMES = SECTIONS.flatMap((s) => s.blocks.filter((b) => b.cell).map((b) => b.cell));
