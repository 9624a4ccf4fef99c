// Lineage and impact of a product, dataset, field or consumer: a left-to-right picture (KLay's layered layout),
// with depth and direction, columns inside their datasets, groups opened on click, and beside it the teams to tell,
// what the caller may not see, and a CSV of it all.
import { render, html, nothing } from '/webjars/lit-html/lit-html.js';
import { graphql } from './api.js';
import { link } from './router.js';
import { elements, datasetOf, nameOf, domainOf } from './graph.js';
import { teamsToTell, hidden, partialErrors } from './parts.js';
import { download, csv } from './csv.js';

// paths only for the CSV export: the picture draws edges, and a hub's 19,000 paths are most of its answer
const NODE = 'kind id name domain degree external productId retired path @include(if: $paths)';
const EDGE = 'from { kind id } to { kind id } kind';
const SHAPE = '$of: NodeRefInput!, $depth: Int, $paths: Boolean = false, $edges: Boolean = true';

const DOWNSTREAM = `query Impact(${SHAPE}) {
  impact(of: $of, depth: $depth) {
    depth truncated nodes { ${NODE} } edges @include(if: $edges) { ${EDGE} }
    ownersToNotify { team nearestDegree affected hiddenAffected members { name role } }
    hidden { team count }
  }
}`;

const UPSTREAM = `query Lineage(${SHAPE}) {
  lineage(of: $of, direction: UPSTREAM, depth: $depth) {
    depth truncated nodes { ${NODE} } edges @include(if: $edges) { ${EDGE} } hidden { team count }
  }
}`;

const KINDS = ['PRODUCT', 'DATASET', 'FIELD', 'CONSUMER'];

/** How many items the side panel lists, nearest first; the picture groups the rest and the CSV holds them all. */
const LISTED = 200;

let libraries;

/** Cytoscape, KLay and their adapter, loaded the first time a picture is drawn: the other views do without them. */
function graphLibraries() {
  libraries ||= Promise.all([script('/webjars/cytoscape/dist/cytoscape.min.js'), script('/webjars/klayjs/klay.js')])
    .then(() => script('/webjars/cytoscape-klay/cytoscape-klay.js'))
    .then(() => window.cytoscape.use(window.cytoscapeKlay))
    .catch((error) => {
      libraries = null; // a later view tries again
      throw error;
    });
  return libraries;
}

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`The picture's library ${src} did not load`));
    document.head.append(element);
  });
}

export async function lineageView(main, route, stillWanted) {
  const [kind, id] = route.parts;
  if (!KINDS.includes(kind) || !id) {
    throw new Error(`A lineage URL names a kind (${KINDS.join(', ')}) and an id: #/lineage/FIELD/orders.orders.shipped_on`);
  }
  const direction = route.params.get('direction') === 'UPSTREAM' ? 'UPSTREAM' : 'DOWNSTREAM';
  const depth = Number(route.params.get('depth') || 3);
  const columns = route.params.get('columns') !== 'off';
  const showTeams = route.params.get('teams') !== 'off';
  const of = { kind, id };
  const drawing = graphLibraries(); // while the catalog answers
  const data = await graphql(direction === 'UPSTREAM' ? UPSTREAM : DOWNSTREAM, { of, depth });
  await drawing;
  if (!stillWanted()) {
    return;
  }
  const result = direction === 'UPSTREAM' ? data.lineage : data.impact;
  if (!result) {
    throw new Error(`The catalog knows no ${kind.toLowerCase()} ${id}, or you may not see it.`);
  }
  const state = { of, direction, nodes: result.nodes, edges: result.edges, columns, opened: new Set(),
    teams: showTeams ? result.ownersToNotify : null, selected: null };
  const here = (params) => link('lineage', [kind, id], { direction, depth, columns: columns ? '' : 'off',
    teams: showTeams ? '' : 'off', ...params });
  const draw = () => render(html`
    <section class="lineage">
      <header>
        <h1>${direction === 'UPSTREAM' ? 'Lineage upstream of' : 'Impact downstream of'} <span class="id">${id}</span>
          <span class="kind">${kind}</span></h1>
        <p class="controls">
          <a href=${here({ direction: direction === 'UPSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM' })} id="flip">
            ${direction === 'UPSTREAM' ? 'Show impact downstream' : 'Show lineage upstream'}</a>
          · depth ${[1, 2, 3, 4, 6].map((d) => html`<a class=${d === depth ? 'chosen' : ''} href=${here({ depth: d })}>${d}</a> `)}
          · <a href=${here({ columns: columns ? 'off' : '' })} id="columns">${columns ? 'Fold columns' : 'Show columns'}</a>
          ${direction === 'DOWNSTREAM' ? html` · <a href=${here({ teams: showTeams ? 'off' : '' })} id="teams">
            ${showTeams ? 'Hide teams' : 'Draw teams'}</a>` : nothing}
          · <button type="button" id="csv" @click=${() => exportCsv(state, depth, result.ownersToNotify)
              .catch((error) => window.alert(`The CSV export failed: ${error.message}`))}>
              Export CSV</button>
          ${kind === 'FIELD' ? html` · <a href=${link('change', [], { c: `${id}|RENAME|` })}>What if it changes?</a>`
            : nothing}
        </p>
        ${result.truncated ? html`<p class="warning">Cut at depth ${result.depth}: there is more beyond.</p>` : nothing}
        ${partialErrors(data.errors)}
      </header>
      <div class="split">
        <div id="graph" class="graph" role="img"
             aria-label="${state.nodes.length} items ${direction === 'UPSTREAM' ? 'upstream' : 'downstream'}"></div>
        <aside class="panel">
          ${state.selected ? selectedPanel(state.selected) : nothing}
          ${direction === 'DOWNSTREAM' ? html`<h2>Teams to tell</h2>${teamsToTell(result.ownersToNotify)}` : nothing}
          <h2>${state.nodes.length} item${state.nodes.length === 1 ? '' : 's'}</h2>
          <ul class="items">${state.nodes.slice(0, LISTED).map((n) => html`<li><span class="kind">${n.kind}</span>
            <a href=${n.kind === 'PRODUCT' ? link('product', [n.id]) : link('lineage', [n.kind, n.id], { direction })}>${n.id}</a>
            <span class="quiet">${n.degree} hop${n.degree === 1 ? '' : 's'}${n.external ? ' · external' : ''}</span>
            ${n.retired ? html`<span class="tag retired">retired</span>` : nothing}</li>`)}</ul>
          ${state.nodes.length > LISTED ? html`<p class="quiet" id="more-items">The nearest ${LISTED} are listed; the
            CSV export holds all ${state.nodes.length}.</p>` : nothing}
          ${hidden(result.hidden)}
        </aside>
      </div>
    </section>`, main);
  draw();
  const graph = drawGraph(main.querySelector('#graph'), state);
  graph.on('tap', 'node', async (event) => {
    const node = event.target.data();
    if (node.kind === 'GROUP') {
      state.opened.add(node.id);
      redraw(graph, state);
      return;
    }
    state.selected = node;
    draw();
  });
  graph.on('dbltap', 'node', async (event) => {
    const node = event.target.data();
    if (node.kind !== 'GROUP' && node.kind !== 'TEAM') {
      await expand(state, node, depth);
      redraw(graph, state);
      draw();
    }
  });
}

function selectedPanel(node) {
  if (node.kind === 'TEAM') {
    return html`<div class="selected"><h2>${node.label}</h2><p class="quiet">A team to tell: what it owns is linked to
      it in the picture; its members are listed below.</p></div>`;
  }
  const productId = node.kind === 'FIELD' ? datasetOf(node.ref) : node.ref;
  return html`<div class="selected"><h2>${node.label}</h2>
    <p><span class="kind">${node.kind}</span> ${node.ref}${node.external ? html` <span class="tag external">external</span>` : nothing}</p>
    <p><a href=${link('lineage', [node.kind, node.ref])}>Impact from here</a>
      · <a href=${link('lineage', [node.kind, node.ref], { direction: 'UPSTREAM' })}>Lineage upstream</a>
      ${node.kind === 'CONSUMER' ? nothing : html` · <a href=${link('dataset', [productId])}>Open its product</a>`}</p>
    <p class="quiet">Double-click a node to add its own lineage to the picture.</p></div>`;
}

function drawGraph(container, state) {
  const graph = window.cytoscape({ container, elements: elements(state.of, state.nodes, state.edges, state),
    style: STYLE, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 3 });
  layout(graph);
  window.meshCatalogGraph = graph;
  return graph;
}

function redraw(graph, state) {
  graph.elements().remove();
  graph.add(elements(state.of, state.nodes, state.edges, state));
  layout(graph);
}

function layout(graph) {
  graph.layout({ name: 'klay', nodeDimensionsIncludeLabels: true, fit: true, padding: 20,
    klay: { direction: 'RIGHT', spacing: 24, inLayerSpacingFactor: 1.2, edgeRouting: 'ORTHOGONAL',
      layoutHierarchy: true, nodeLayering: 'NETWORK_SIMPLEX' } }).run();
}

/** Adds the lineage of `node` (the same direction, `depth` more hops) to the picture, with its edges. */
async function expand(state, node, depth) {
  const query = state.direction === 'UPSTREAM' ? UPSTREAM : DOWNSTREAM;
  const data = await graphql(query, { of: { kind: node.kind, id: node.ref }, depth });
  const result = state.direction === 'UPSTREAM' ? data.lineage : data.impact;
  if (!result) {
    return;
  }
  const known = new Set(state.nodes.map((n) => `${n.kind}|${n.id}`));
  for (const more of result.nodes) {
    if (!known.has(`${more.kind}|${more.id}`) && !(more.kind === state.of.kind && more.id === state.of.id)) {
      state.nodes.push({ ...more, degree: node.degree + more.degree });
      known.add(`${more.kind}|${more.id}`);
    }
  }
  // where the added lineage starts (a dataset's own columns) sits at the expanded node's distance, not the origin's
  for (const end of result.edges.flatMap((edge) => [edge.from, edge.to])) {
    if (!known.has(`${end.kind}|${end.id}`) && !(end.kind === state.of.kind && end.id === state.of.id)) {
      state.nodes.push({ kind: end.kind, id: end.id, name: nameOf(end.id), domain: domainOf(end.id),
        degree: node.degree, external: false, productId: null });
      known.add(`${end.kind}|${end.id}`);
    }
  }
  if (state.teams && result.ownersToNotify) {
    const teams = new Map(state.teams.map((t) => [t.team, t]));
    for (const team of result.ownersToNotify) {
      const had = teams.get(team.team);
      teams.set(team.team, had ? { ...had, affected: [...new Set(had.affected.concat(team.affected))] } : team);
    }
    state.teams = [...teams.values()];
  }
  const drawn = new Set(state.edges.map(edgeKey));
  state.edges.push(...result.edges.filter((edge) => !drawn.has(edgeKey(edge))));
}

function edgeKey(edge) {
  return `${edge.from.kind}|${edge.from.id}>${edge.to.kind}|${edge.to.id}`;
}

/** Everything in the picture and the side panel as a CSV, with the path to each item asked for now. */
async function exportCsv(state, depth, teams) {
  const query = state.direction === 'UPSTREAM' ? UPSTREAM : DOWNSTREAM;
  const data = await graphql(query, { of: state.of, depth, paths: true, edges: false });
  const paths = new Map(((state.direction === 'UPSTREAM' ? data.lineage : data.impact)?.nodes || [])
    .map((n) => [`${n.kind}|${n.id}`, n.path]));
  const rows = [['kind', 'id', 'name', 'domain', 'hops', 'external', 'path']]
    .concat(state.nodes.map((n) => [n.kind, n.id, n.name, n.domain, n.degree, n.external,
      (paths.get(`${n.kind}|${n.id}`) || []).join(' > ')]));
  if (teams) {
    rows.push([]);
    rows.push(['team to tell', 'nearest hops', 'affected', 'members']);
    teams.forEach((t) => rows.push([t.team, t.nearestDegree, t.affected.join(' '),
      t.members.map((m) => `${m.name} (${m.role})`).join('; ')]));
  }
  download(`${state.direction.toLowerCase()}-${state.of.id}.csv`, csv(rows));
}

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center',
    'background-color': '#e8eef7', 'border-width': 1, 'border-color': '#7a8ca8', shape: 'round-rectangle',
    width: 'label', height: 22, padding: 6 } },
  { selector: 'node[kind = "DATASET"]', style: { 'text-valign': 'top', 'background-color': '#f6f8fb',
    'font-weight': 'bold' } },
  { selector: 'node[kind = "FIELD"]', style: { 'background-color': '#ffffff', 'font-size': 10 } },
  { selector: 'node[kind = "CONSUMER"]', style: { shape: 'cut-rectangle', 'background-color': '#fdf1dc',
    'border-color': '#b7791f' } },
  { selector: 'node[?external]', style: { shape: 'hexagon', 'background-color': '#fde2e2', 'border-color': '#c53030',
    'border-width': 2 } },
  { selector: 'node[kind = "GROUP"]', style: { shape: 'barrel', 'background-color': '#e2e8f0', 'border-style': 'dashed',
    'font-style': 'italic' } },
  { selector: 'node[kind = "TEAM"]', style: { shape: 'ellipse', 'background-color': '#ede9fe', 'border-color': '#6b46c1',
    'border-width': 2, 'font-weight': 'bold' } },
  { selector: 'edge[?tell]', style: { 'line-style': 'dotted', 'line-color': '#a78bfa', 'target-arrow-color': '#a78bfa',
    width: 1 } },
  { selector: 'node[?origin]', style: { 'border-width': 3, 'border-color': '#2b6cb0' } },
  { selector: 'node[?inferred]', style: { 'border-style': 'dotted' } },
  { selector: 'node[?retired]', style: { 'border-style': 'dashed', color: '#718096',
    'background-color': '#edf2f7' } },
  { selector: 'node:selected', style: { 'border-color': '#d69e2e', 'border-width': 3 } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8',
    'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
  { selector: 'edge[?hidden]', style: { 'line-style': 'dashed', label: 'data(label)', 'font-size': 9,
    color: '#64748b', 'text-background-color': '#ffffff', 'text-background-opacity': 1 } },
];
