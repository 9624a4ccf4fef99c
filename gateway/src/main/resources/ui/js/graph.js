// The lineage picture as data: catalog lineage nodes and their paths in, Cytoscape elements out. Datasets hold their
// columns; products are listed, not drawn (a product is its datasets); past DRAW_LIMIT items the rest are grouped by
// domain and distance and drawn as one node per group until opened. No layout here: KLay lays the elements out.

export const DRAW_LIMIT = 120;

const ELEMENT_PREFIX = { DATASET: 'd:', FIELD: 'f:', CONSUMER: 'c:' };

/**
 * @param origin {kind, id} the node the lineage starts from
 * @param nodes the lineage nodes (kind, id, name, domain, degree, external, path)
 * @param options {direction: 'UPSTREAM'|'DOWNSTREAM', columns: boolean, opened: Set of group ids}
 */
export function elements(origin, nodes, options) {
  const items = itemsOf(origin, nodes);
  const columns = options.columns;
  // what each item is drawn as: a column inside its dataset, or its dataset when columns are folded
  const drawnAs = (item) => item.kind === 'FIELD' && !columns ? items.get(key('DATASET', datasetOf(item.id))) : item;
  const leaves = [...items.values()].filter((item) => item.kind !== 'PRODUCT' && drawnAs(item) === item);
  const grouped = leaves.length > DRAW_LIMIT;
  const groupOf = (item) => {
    if (!grouped || item.degree === 0) {
      return null;
    }
    const group = `g:${item.domain}:${item.degree}`;
    return options.opened.has(group) ? null : group;
  };
  const out = new Map();
  const put = (element) => out.set(element.data.id, element);
  // a column goes where its dataset goes
  const groupFor = (item) => groupOf(item.kind === 'FIELD' ? items.get(key('DATASET', datasetOf(item.id))) : item);
  const idOf = (item) => {
    const shown = drawnAs(item);
    return groupFor(shown) || ELEMENT_PREFIX[shown.kind] + shown.id;
  };
  for (const item of leaves) {
    const group = groupFor(item);
    if (group) {
      const known = out.get(group);
      const count = known ? known.data.count + 1 : 1;
      put({ group: 'nodes', data: { id: group, kind: 'GROUP', count, domain: item.domain, degree: item.degree,
        label: `${item.domain} · ${item.degree} hop${item.degree === 1 ? '' : 's'} · ${count} items` } });
      continue;
    }
    const data = { id: ELEMENT_PREFIX[item.kind] + item.id, ref: item.id, kind: item.kind, label: item.name,
      domain: item.domain, degree: item.degree, external: item.external, origin: item.degree === 0,
      inferred: item.inferred };
    if (item.kind === 'FIELD') {
      data.parent = 'd:' + datasetOf(item.id);
    }
    put({ group: 'nodes', data });
  }
  for (const [from, to] of edgesOf(nodes, items, origin)) {
    const source = idOf(from);
    const target = idOf(to);
    if (source === target || !out.has(source) || !out.has(target) || contains(out, source, target)) {
      continue;
    }
    const [a, b] = options.direction === 'UPSTREAM' ? [target, source] : [source, target];
    const id = `e:${a}>${b}`;
    put({ group: 'edges', data: { id, source: a, target: b } });
  }
  return [...out.values()];
}

/** A step from a column to its own dataset, or back, is where it sits, not a flow: the picture draws it as nesting. */
function contains(out, a, b) {
  return out.get(a).data.parent === b || out.get(b).data.parent === a;
}

/** Every item the picture may show: the lineage nodes, the origin, and the steps of their paths. */
export function itemsOf(origin, nodes) {
  const items = new Map();
  const add = (item) => {
    const k = key(item.kind, item.id);
    if (!items.has(k)) {
      items.set(k, item);
    }
  };
  add({ kind: origin.kind === 'PRODUCT' ? 'DATASET' : origin.kind, id: origin.id, name: nameOf(origin.id),
    domain: domainOf(origin.id), degree: 0, external: false });
  nodes.forEach((node) => add({ ...node, inferred: false }));
  const fields = new Set(nodes.filter((n) => n.kind === 'FIELD').map((n) => n.id));
  if (origin.kind === 'FIELD') {
    fields.add(origin.id);
  }
  for (const node of nodes) {
    node.path.forEach((id, at) => {
      if (!kindOf(items, id)) {
        const kind = looksLikeField(id, fields) ? 'FIELD' : 'DATASET';
        if (kind === 'FIELD') {
          fields.add(id);
        }
        add({ kind, id, name: nameOf(id), domain: domainOf(id), degree: at, external: false, inferred: true });
      }
    });
  }
  // a column's dataset is drawn around it, even when the lineage names only the column
  for (const item of [...items.values()].filter((i) => i.kind === 'FIELD')) {
    const dataset = datasetOf(item.id);
    add({ kind: 'DATASET', id: dataset, name: nameOf(dataset), domain: item.domain, degree: item.degree,
      external: false, inferred: true });
  }
  return items;
}

function edgesOf(nodes, items, origin) {
  const pairs = [];
  for (const node of nodes) {
    const path = node.path.length ? node.path : [origin.id, node.id];
    for (let i = 1; i < path.length; i++) {
      const from = resolve(items, path[i - 1]);
      const to = resolve(items, path[i]);
      if (from && to) {
        pairs.push([from, to]);
      }
    }
    // the path ends at the item that reached the node (a product's is a column of its dataset): link them too
    const last = resolve(items, path[path.length - 1]);
    const self = node.kind === 'PRODUCT' ? null : items.get(key(node.kind, node.id));
    if (last && self && last !== self) {
      pairs.push([last, self]);
    }
  }
  return pairs;
}

function resolve(items, id) {
  return items.get(key('FIELD', id)) || items.get(key('CONSUMER', id)) || items.get(key('DATASET', id));
}

function kindOf(items, id) {
  return ['FIELD', 'DATASET', 'CONSUMER', 'PRODUCT'].find((kind) => items.has(key(kind, id)));
}

function looksLikeField(id, fields) {
  if ([...fields].some((ref) => ref.startsWith(`${id}.`))) {
    return false;
  }
  return !id.includes('/') && id.split('.').length >= 3;
}

export function datasetOf(ref) {
  return ref.slice(0, ref.lastIndexOf('.'));
}

function nameOf(id) {
  return id.slice(Math.max(id.lastIndexOf('.'), id.lastIndexOf('/')) + 1);
}

function domainOf(id) {
  return id.split(/[./]/)[0];
}

function key(kind, id) {
  return `${kind}|${id}`;
}
