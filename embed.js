// gradscope's embed script (MIT). One line on any page, from any origin:
//   <script type="module" src="https://host/gradscope/embed.js"></script>
// then as many <grad-scope cell="…"> elements as you like (see README, "Embedding").
export { GradScope, loadEngine, stats, SITE_URL, THEMES } from './www/embed/element.js';
