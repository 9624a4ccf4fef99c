// The catalog UI: one view at a time in <main>, chosen by the URL's hash, so every view is a link to share.
import { render, html } from '/webjars/lit-html/lit-html.js';
import { apiKey, setApiKey } from './api.js';
import { parse, link } from './router.js';
import { searchView } from './search.js';
import { productView } from './product.js';
import { lineageView } from './lineage.js';
import { changeView } from './change.js';
import { governanceView } from './governance.js';
import { whenTypingPauses } from './parts.js';

const main = document.getElementById('view');
main.textContent = '';
const views = { search: searchView, product: productView, dataset: productView, lineage: lineageView,
  change: changeView, governance: governanceView };

let current = 0;

/** Shows the view the URL names; a newer navigation wins over a slower older one. */
async function show() {
  const route = parse(location.hash);
  const view = views[route.view];
  const mine = ++current;
  if (!view) {
    render(html`<p class="error">No view called “${route.view}”. <a href="#/search">Search the catalog</a></p>`, main);
    return;
  }
  document.getElementById('find-text').value = route.view === 'search' ? route.params.get('q') || '' : '';
  try {
    await view(main, route, () => mine === current);
  } catch (error) {
    if (mine === current) {
      render(html`<p class="error" role="alert">${error.message}</p>`, main);
    }
  }
}

function showKey() {
  document.getElementById('key-state').textContent = apiKey() ? `Key ${apiKey().slice(0, 14)}…` : 'Anonymous';
}

document.getElementById('find').addEventListener('submit', (event) => {
  event.preventDefault();
  location.hash = link('search', [], { q: document.getElementById('find-text').value });
});
const showWhenTypingPauses = whenTypingPauses(show);
document.getElementById('find-text').addEventListener('input', (event) => {
  // results as you type: the search view follows the box once typing pauses
  const params = parse(location.hash).view === 'search' ? Object.fromEntries(parse(location.hash).params) : {};
  history.replaceState(null, '', link('search', [], { ...params, q: event.target.value, after: '' }));
  showWhenTypingPauses();
});
document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setApiKey(document.getElementById('key-input').value.trim());
  document.getElementById('key-input').value = '';
  event.target.closest('details').open = false;
  showKey();
  show();
});
document.getElementById('key-forget').addEventListener('click', (event) => {
  setApiKey('');
  event.target.closest('details').open = false;
  showKey();
  show();
});
document.addEventListener('keydown', (event) => {
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
  if (event.key === '/' && !typing) {
    event.preventDefault();
    document.getElementById('find-text').focus();
  }
  if (event.key === 'ArrowDown' && document.activeElement?.id === 'find-text') {
    // from the box down into the results
    event.preventDefault();
    main.querySelector('a[data-id]')?.focus();
  }
});
window.addEventListener('hashchange', show);
showKey();
show();
