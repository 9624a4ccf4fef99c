// The lineage picture as data: catalog lineage nodes and edges in, Cytoscape elements out. Datasets hold their
// columns; products are listed, not drawn (a product is its datasets); past DRAW_LIMIT items the rest are grouped
// (see groups()) and drawn as one node per group until opened. No layout here: KLay lays the elements out.

export const DRAW_LIMIT = 120;

const ELEMENT_PREFIX = { DATASET: 'd:', FIELD: 'f:', CONSUMER: 'c:', PRODUCT: 'p:' };

/**
 * @param origin {kind, id} the node the lineage starts from
 * @param nodes the lineage nodes (kind, id, name, domain, degree, external)
 * @param edges the lineage edges ({from: {kind, id}, to: {kind, id}, kind}), each in the direction data flows
 * @param options {columns: boolean, opened: Set of group ids, teams: the teams to tell (team, affected) or null}
 */
export function elements(origin, nodes, edges, options) {
  const items = itemsOf(origin, nodes, edges);
  const columns = options.columns;
  // what each item is drawn as: a column inside its dataset, or its dataset when columns are folded
  const drawnAs = (item) => item.kind === 'FIELD' && !columns ? items.get(key('DATASET', datasetOf(item.id))) : item;
  const leaves = [...items.values()].filter((item) => drawnAs(item) === item);
  const groupOf = groups(leaves, options.opened);
  const out = new Map();
  const put = (element) => out.set(element.data.id, element);
  // a column goes where its dataset goes
  const groupFor = (item) => groupOf(item.kind === 'FIELD' ? items.get(key('DATASET', datasetOf(item.id))) : item);
  const idOf = (item) => {
    const shown = drawnAs(item);
    return groupFor(shown)?.id || ELEMENT_PREFIX[shown.kind] + shown.id;
  };
  for (const item of leaves) {
    const group = groupFor(item);
    if (group) {
      if (!out.has(group.id)) {
        put({ group: 'nodes', data: { id: group.id, kind: 'GROUP', count: group.count, domain: group.domain,
          degree: item.degree, label: group.label } });
      }
      continue;
    }
    const data = { id: ELEMENT_PREFIX[item.kind] + item.id, ref: item.id, kind: item.kind, label: item.name,
      domain: item.domain, degree: item.degree, external: item.external, origin: item.degree === 0,
      inferred: item.inferred, productId: item.productId, retired: item.retired };
    if (item.kind === 'FIELD') {
      data.parent = 'd:' + datasetOf(item.id);
    }
    put({ group: 'nodes', data });
  }
  for (const edge of edges) {
    const from = items.get(key(edge.from.kind, edge.from.id));
    const to = items.get(key(edge.to.kind, edge.to.id));
    if (edge.kind === 'PART_OF' || !from || !to) {
      continue; // a column and its own dataset: drawn as nesting
    }
    const source = idOf(from);
    const target = idOf(to);
    if (source === target || !out.has(source) || !out.has(target) || contains(out, source, target)) {
      continue;
    }
    const id = `e:${source}>${target}`;
    // a group's edge reads hidden only when every flow it stands for runs through hidden items
    const hidden = edge.kind === 'HIDDEN' && (out.has(id) ? out.get(id).data.hidden : true);
    put({ group: 'edges', data: { id, source, target, hidden, label: hidden ? 'hidden' : '' } });
  }
  if (options.teams && ![...out.values()].some((element) => element.data.kind === 'GROUP')) {
    teamsOf(options.teams, out).forEach(put);
  }
  return [...out.values()];
}

/**
 * The teams to tell as nodes of their own, each linked from the drawn datasets of its products and from its consumers:
 * whom a change reaches, at a glance. Only in a picture that is not grouped (a hub names thousands of teams).
 */
function teamsOf(teams, out) {
  const drawn = [...out.values()].filter((e) => e.group === 'nodes' && ['DATASET', 'CONSUMER'].includes(e.data.kind));
  const elements = [];
  for (const team of teams) {
    const affected = new Set(team.affected);
    const owned = drawn.filter((e) => affected.has(e.data.kind === 'CONSUMER' ? e.data.ref : e.data.productId));
    if (owned.length === 0) {
      continue;
    }
    const id = `t:${team.team}`;
    elements.push({ group: 'nodes', data: { id, kind: 'TEAM', label: team.team } });
    owned.forEach((e) => elements.push({ group: 'edges', data: { id: `e:${e.data.id}>${id}`, source: e.data.id,
      target: id, tell: true } }));
  }
  return elements;
}

/**
 * Which group each item is drawn in, or null when it is drawn itself. Up to DRAW_LIMIT items are all drawn; past it,
 * items are grouped by domain and distance, or, when that still makes more than DRAW_LIMIT groups, by distance first:
 * an opened distance shows its largest DRAW_LIMIT - 1 domains as groups and the rest as one more group, which opens
 * the next domains; an opened domain shows its items. Where the lineage starts (distance 0) is never grouped. Groups
 * count datasets and consumers; a column is drawn where its dataset is.
 */
export function groups(items, opened) {
  if (items.length <= DRAW_LIMIT) {
    return () => null;
  }
  const byDegree = new Map();
  for (const item of items.filter((i) => i.degree > 0 && i.kind !== 'FIELD')) {
    const domains = byDegree.get(item.degree) || new Map();
    domains.set(item.domain, (domains.get(item.domain) || 0) + 1);
    byDegree.set(item.degree, domains);
  }
  const byDistanceFirst = [...byDegree.values()].reduce((sum, domains) => sum + domains.size, 0) > DRAW_LIMIT;
  const hops = (degree) => `${degree} hop${degree === 1 ? '' : 's'}`;
  const plans = new Map();
  for (const [degree, domains] of byDegree) {
    const largest = [...domains.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    let pages = 0;
    while (opened.has(`g:*:${degree}:${pages + 1}`)) {
      pages++;
    }
    const shown = largest.length <= DRAW_LIMIT ? largest.length : (DRAW_LIMIT - 1) * (pages + 1);
    const rest = largest.slice(shown);
    const count = (entries) => entries.reduce((sum, e) => sum + e[1], 0);
    plans.set(degree, { domains, named: new Set(largest.slice(0, shown).map((e) => e[0])),
      distance: { id: `g:${degree}`, count: count(largest), domain: '',
        label: `${hops(degree)} · ${count(largest)} items in ${largest.length} domains` },
      rest: rest.length === 0 ? null : { id: `g:*:${degree}:${pages + 1}`, count: count(rest), domain: '',
        label: `${rest.length} more domains · ${hops(degree)} · ${count(rest)} items` } });
  }
  return (item) => {
    if (!item || item.degree === 0) {
      return null;
    }
    const plan = plans.get(item.degree);
    if (!plan) {
      return null;
    }
    if (byDistanceFirst && !opened.has(plan.distance.id)) {
      return plan.distance;
    }
    if (!plan.named.has(item.domain)) {
      return plan.rest;
    }
    const id = `g:${item.domain}:${item.degree}`;
    const count = plan.domains.get(item.domain);
    return opened.has(id) ? null
      : { id, count, domain: item.domain, label: `${item.domain} · ${hops(item.degree)} · ${count} items` };
  };
}

/** A step from a column to its own dataset, or back, is where it sits, not a flow: the picture draws it as nesting. */
function contains(out, a, b) {
  return out.get(a).data.parent === b || out.get(b).data.parent === a;
}

/**
 * Every item the picture may show: the lineage nodes but products, the ends of its edges (where it starts: the item
 * itself, a product's datasets and columns, a column's own dataset), and the datasets around columns. Where the
 * question starts is at distance 0.
 */
export function itemsOf(origin, nodes, edges) {
  const items = new Map();
  // `make` builds the item only when its key is new: a hub's answer names most items many times over
  const add = (kind, id, make) => {
    const k = key(kind, id);
    if (!items.has(k)) {
      items.set(k, make());
    }
  };
  const named = (kind, id, degree, inferred) => () => ({ kind, id, name: nameOf(id), domain: domainOf(id), degree,
    external: false, inferred });
  if (origin.kind !== 'PRODUCT') {
    add(origin.kind, origin.id, named(origin.kind, origin.id, 0, false));
  }
  for (const node of nodes) {
    if (node.kind !== 'PRODUCT') {
      add(node.kind, node.id, () => ({ ...node, inferred: false }));
    }
  }
  for (const edge of edges) {
    add(edge.from.kind, edge.from.id, named(edge.from.kind, edge.from.id, 0, false));
    add(edge.to.kind, edge.to.id, named(edge.to.kind, edge.to.id, 0, false));
  }
  if (origin.kind === 'PRODUCT' && items.size === 0) {
    add('PRODUCT', origin.id, named('PRODUCT', origin.id, 0, false)); // nothing to draw but the product itself
  }
  // a column's dataset is drawn around it, even when the lineage names only the column
  for (const item of [...items.values()].filter((i) => i.kind === 'FIELD')) {
    const dataset = datasetOf(item.id);
    add('DATASET', dataset, () => ({ ...named('DATASET', dataset, item.degree, true)(), domain: item.domain }));
  }
  return items;
}

export function datasetOf(ref) {
  return ref.slice(0, ref.lastIndexOf('.'));
}

export function nameOf(id) {
  return id.slice(Math.max(id.lastIndexOf('.'), id.lastIndexOf('/')) + 1);
}

export function domainOf(id) {
  return id.split(/[./]/)[0];
}

function key(kind, id) {
  return `${kind}|${id}`;
}
