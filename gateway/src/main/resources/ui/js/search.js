// Search: results as you type, facets that narrow, keyboard to move and open, paging by cursor.
import { render, html, nothing } from '/webjars/lit-html/lit-html.js';
import { graphql, apiKey } from './api.js';
import { link } from './router.js';
import { health } from './parts.js';

const SEARCH = `query Search($text: String, $filter: SearchFilter, $after: String) {
  search(text: $text, filter: $filter, first: 20, after: $after) {
    totalCount totalCapped
    edges { node { kind id name description domain owner productId status tags classifications health } }
    pageInfo { hasNextPage endCursor }
    facets {
      kind { value count } domain { value count } owner { value count } tag { value count }
      classification { value count } status { value count } health { value count }
    }
  }
}`;

const FACETS = ['kind', 'domain', 'owner', 'tag', 'classification', 'status', 'health'];

/** Where a hit opens: its product page, a field or dataset within it, or a consumer's lineage. */
export function hitLink(hit) {
  if (hit.kind === 'PRODUCT') {
    return link('product', [hit.id]);
  }
  if (hit.kind === 'CONSUMER') {
    return link('lineage', ['CONSUMER', hit.id], { direction: 'UPSTREAM' });
  }
  if (hit.kind === 'FIELD') {
    return link('lineage', ['FIELD', hit.id]);
  }
  return link('dataset', [hit.id]);
}

export async function searchView(main, route, stillWanted) {
  const params = route.params;
  const filter = {};
  for (const facet of FACETS.filter((f) => f !== 'kind')) {
    if (params.get(facet)) {
      filter[facet] = params.get(facet);
    }
  }
  if (params.get('kind')) {
    filter.kinds = [params.get('kind')];
  }
  const data = await graphql(SEARCH, { text: params.get('q') || '', filter, after: params.get('after') || null });
  if (!stillWanted()) {
    return;
  }
  const result = data.search;
  const chosen = Object.fromEntries(params);
  const toggle = (facet, value) => link('search', [], { ...chosen, [facet]: chosen[facet] === value ? '' : value,
    after: '' });
  render(html`
    <section class="search">
      <aside class="facets" aria-label="Facets">
        ${FACETS.map((facet) => result.facets[facet].length === 0 ? nothing : html`
          <h3>${facet}</h3>
          <ul>${result.facets[facet].map((f) => html`
            <li><a class=${chosen[facet] === f.value ? 'chosen' : ''} href=${toggle(facet, f.value)}
                   data-facet=${facet}>${f.value} <span class="count">${f.count}</span></a></li>`)}
          </ul>`)}
      </aside>
      <div class="hits">
        <p class="total">${result.totalCount}${result.totalCapped ? '+' : ''} found
          ${params.get('q') ? html`for “${params.get('q')}”` : nothing}
          ${apiKey() ? nothing : html`<span class="quiet">· anonymous callers see public products only: use your API
            key (top right) to see what your teams may see</span>`}</p>
        <ol class="results" @keydown=${moveSelection}>
          ${result.edges.map(({ node }) => html`
            <li class="hit">
              <a href=${hitLink(node)} data-id=${node.id} data-kind=${node.kind}>
                <span class="kind">${node.kind}</span> <strong>${node.name}</strong>
                <span class="id">${node.id}</span></a>
              ${health(node.health)}
              <p>${node.description}</p>
              <p class="meta">${node.domain} · owner ${node.owner || '—'} · ${node.status}
                ${node.classifications.map((c) => html`<span class="tag class">${c}</span>`)}
                ${node.tags.map((t) => html`<span class="tag">${t}</span>`)}</p>
            </li>`)}
        </ol>
        ${result.pageInfo.hasNextPage
          ? html`<a class="next" href=${link('search', [], { ...chosen, after: result.pageInfo.endCursor })}>Next page</a>`
          : nothing}
      </div>
    </section>`, main);
}

/** Arrow keys move between hits; Enter opens the focused one (it is a link). */
function moveSelection(event) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const links = [...event.currentTarget.querySelectorAll('a[data-id]')];
  const at = links.indexOf(document.activeElement);
  const next = links[Math.max(0, Math.min(links.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  next?.focus();
  event.preventDefault();
}
