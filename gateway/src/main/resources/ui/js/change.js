// Change impact: pick fields, say how each changes (drop, rename, retype), see what breaks and why, whom to tell, and
// the GraphQL query that answers the same, for a tool to run. The changes live in the URL: #/change?c=<field>|<KIND>|<arg>
import { render, html, nothing } from '/webjars/lit-html/lit-html.js';
import { graphql } from './api.js';
import { link } from './router.js';
import { teamsToTell, hidden, partialErrors, whenTypingPauses } from './parts.js';

export const CHANGE_IMPACT = `query ChangeImpact($changes: [FieldChangeInput!]!) {
  changeImpact(changes: $changes) {
    breaks { node { kind id name domain degree external } because }
    ownersToNotify { team nearestDegree affected hiddenAffected members { name role } }
    notes truncated hidden { team count }
  }
}`;

const KINDS = ['DROP', 'RENAME', 'RETYPE'];

const FIELD_SEARCH = `query Fields($text: String) {
  search(text: $text, filter: { kinds: [FIELD] }, first: 10) { edges { node { id name description } } }
}`;

const DATASETS_SHOWN = 5;

/** The fields of the datasets the changes touch (at most DATASETS_SHOWN), so more of them are one click away. */
async function fieldsBeside(changes) {
  const datasets = [...new Set(changes.map((c) => c.field.slice(0, c.field.lastIndexOf('.'))))]
    .slice(0, DATASETS_SHOWN);
  if (datasets.length === 0) {
    return [];
  }
  const variables = Object.fromEntries(datasets.map((id, i) => [`d${i}`, id]));
  const query = `query Beside(${datasets.map((_, i) => `$d${i}: ID!`).join(', ')}) {
    ${datasets.map((_, i) => `d${i}: dataset(id: $d${i}) { id name fields { ref name logicalType classification } }`)
      .join('\n')}
  }`;
  const data = await graphql(query, variables);
  return datasets.map((_, i) => data[`d${i}`]).filter(Boolean);
}

let asked = 0;

/** Suggests fields as the user types one in: the catalog's own search, fields only, once typing pauses. */
const suggest = whenTypingPauses(async (event) => {
  const text = event.target.value.trim();
  const list = document.getElementById('field-options');
  const mine = ++asked; // a slower earlier answer never replaces a newer one
  if (!list || text.length < 2) {
    render(html``, list || document.createElement('datalist'));
    return;
  }
  const data = await graphql(FIELD_SEARCH, { text }).catch(() => ({ search: null }));
  if (mine !== asked) {
    return;
  }
  const options = (data.search?.edges || [])
    .map(({ node }) => html`<option value=${node.id}>${node.description}</option>`);
  render(html`${options}`, list);
});

/** `orders.orders.shipped_on|RENAME|shipped_date` → the change as the API takes it. */
export function changeOf(text) {
  const [field = '', kind = 'DROP', arg = ''] = text.split('|');
  const change = { field: field.trim(), kind: KINDS.includes(kind) ? kind : 'DROP' };
  if (change.kind === 'RENAME' && arg) {
    change.newName = arg;
  }
  if (change.kind === 'RETYPE' && arg) {
    change.newType = arg;
  }
  return change;
}

function textOf(change) {
  return `${change.field}|${change.kind}|${change.newName || change.newType || ''}`;
}

/** The document with the changes written in, as a tool would send it. */
export function queryFor(changes) {
  const literal = changes.map((c) => `{ field: ${JSON.stringify(c.field)}, kind: ${c.kind}`
    + (c.newName ? `, newName: ${JSON.stringify(c.newName)}` : '')
    + (c.newType ? `, newType: ${JSON.stringify(c.newType)}` : '') + ' }').join(', ');
  return CHANGE_IMPACT.replace('query ChangeImpact($changes: [FieldChangeInput!]!)', 'query ChangeImpact')
    .replace('changeImpact(changes: $changes)', `changeImpact(changes: [${literal}])`);
}

export async function changeView(main, route, stillWanted) {
  const changes = route.params.getAll('c').map(changeOf).filter((c) => c.field);
  const [data, beside] = changes.length
    ? await Promise.all([graphql(CHANGE_IMPACT, { changes }), fieldsBeside(changes)]) : [null, []];
  if (!stillWanted()) {
    return;
  }
  const go = (next) => {
    location.hash = link('change', [], { c: next.map(textOf) });
  };
  const edit = (index, patch) => go(changes.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const result = data?.changeImpact;
  render(html`
    <section class="change">
      <h1>Change impact</h1>
      <form class="changes" @submit=${(event) => {
        event.preventDefault();
        const field = event.target.elements.field.value.trim();
        if (field) {
          go(changes.concat([{ field, kind: 'DROP' }]));
        }
      }}>
        <table>
          <thead><tr><th>Field</th><th>Change</th><th>New name or type</th><th></th></tr></thead>
          <tbody>${changes.map((c, i) => html`<tr class="change-row">
            <td><a href=${link('lineage', ['FIELD', c.field])}>${c.field}</a></td>
            <td><select aria-label="Change of ${c.field}" @change=${(e) => edit(i, { kind: e.target.value,
              newName: undefined, newType: undefined })}>${KINDS.map((k) => html`<option ?selected=${k === c.kind}>${k}</option>`)}</select></td>
            <td>${c.kind === 'DROP' ? nothing : html`<input aria-label="New ${c.kind === 'RENAME' ? 'name' : 'type'} of ${c.field}"
              .value=${c.newName || c.newType || ''} placeholder=${c.kind === 'RENAME' ? 'new name' : 'new type'}
              @change=${(e) => edit(i, c.kind === 'RENAME' ? { newName: e.target.value } : { newType: e.target.value })}>`}</td>
            <td><button type="button" @click=${() => go(changes.filter((_, j) => j !== i))}>Remove</button></td>
          </tr>`)}</tbody>
        </table>
        <p><input name="field" placeholder="Add a field: type part of its name" aria-label="Field to change" size="40"
            list="field-options" autocomplete="off" @input=${suggest}>
          <datalist id="field-options"></datalist>
          <button type="submit">Add</button></p>
        ${beside.map((dataset) => html`<p class="beside" data-dataset=${dataset.id}>
          <span class="quiet">More of ${dataset.name}:</span>
          ${dataset.fields.filter((f) => !changes.some((c) => c.field === f.ref)).map((f) => html`
            <button type="button" class="add-field" data-field=${f.ref} title="${f.logicalType}${f.classification
              ? ` · ${f.classification}` : ''}" @click=${() => go(changes.concat([{ field: f.ref, kind: 'DROP' }]))}>
              + ${f.name}</button>`)}</p>`)}
      </form>
      ${result ? html`
        ${partialErrors(data.errors)}
        <h2 class="breaks-title">${result.breaks.length} thing${result.breaks.length === 1 ? '' : 's'} would break</h2>
        <ul class="breaks">${result.breaks.map((b) => html`<li class="break" data-id=${b.node.id}>
          <span class="kind">${b.node.kind}</span>
          <a href=${b.node.kind === 'PRODUCT' ? link('product', [b.node.id]) : link('lineage', [b.node.kind, b.node.id])}>${b.node.id}</a>
          ${b.node.external ? html`<span class="tag external">external</span>` : nothing}
          <span class="quiet">${b.node.degree} hop${b.node.degree === 1 ? '' : 's'}</span>
          <ul>${b.because.map((reason) => html`<li>${reason}</li>`)}</ul></li>`)}</ul>
        ${result.notes.length ? html`<ul class="notes">${result.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
        ${result.truncated ? html`<p class="warning">The walk was cut: there may be more.</p>` : nothing}
        ${hidden(result.hidden)}
        <h2>Teams to tell</h2>${teamsToTell(result.ownersToNotify)}
        <h2>The same answer over GraphQL</h2>
        <pre class="query" id="query-text">${queryFor(changes)}</pre>
        <button type="button" id="copy-query" @click=${() => navigator.clipboard?.writeText(queryFor(changes))}>Copy query</button>
        <a href="/graphiql">Open GraphiQL</a>` : html`<p class="quiet">Add a field to see what its change would break.</p>`}
    </section>`, main);
}
