// Every view has a URL: #/<view>/<id…>?<params>. Parsing and building them is all this module does.

/** `#/lineage/FIELD/orders.orders.shipped_on?depth=3` → { view: 'lineage', parts: ['FIELD', '…'], params }. */
export function parse(hash) {
  const text = (hash || '').replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  return { view: parts.shift() || 'search', parts, params: new URLSearchParams(query) };
}

/** The URL of a view: link('product', ['orders.orders']), link('search', [], { q: 'delay' }). */
export function link(view, parts = [], params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of [].concat(value)) {
      if (one !== undefined && one !== null && one !== '') {
        query.append(name, one);
      }
    }
  }
  const path = [view, ...parts.map(encodeURIComponent)].join('/');
  const tail = query.toString();
  return `#/${path}${tail ? `?${tail}` : ''}`;
}
