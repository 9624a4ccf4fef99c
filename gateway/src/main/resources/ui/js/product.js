// A product's page: what it is, who owns it, its datasets and fields with their meaning, its ports, consumers,
// SLA, health, the template it was made from and history. A dataset's URL opens its product's page at that dataset.
import { render, html, nothing } from '/webjars/lit-html/lit-html.js';
import { graphql } from './api.js';
import { link } from './router.js';
import { health, partialErrors } from './parts.js';

const FIELD = `ref name logicalType description classification criticalDataElement required primaryKey tags
  derivedFrom transformDescription examples examplesWithheld`;
const DATASET = `id name physicalName description tags fields { ${FIELD} } health { status reason lastWriteAt dueBy }`;

const PRODUCT = `query Product($id: ID!) {
  dataProduct(id: $id) {
    id name status visibility version tags ownerInherited
    description { purpose limitations usage }
    owner { name description members { username name role } }
    domain { id name }
    support { channel url tool scope }
    inputPorts { name datasetId version }
    outputPorts { name description type version }
    datasets { ${DATASET} }
    consumers { id name kind description external destination ownerTeam datasetIds purpose }
    sla { property value unit element }
    health { status reason dataset lastWriteAt dueBy }
    lifecycle { status retiredAt retiredBy sunset }
    template {
      id version latestVersion outdated problem
      drift { kind subject before after breaking why }
      upgrade { kind subject before after breaking why }
    }
    history(limit: 10) {
      number at declaredVersion harvest descriptor previousDescriptor
      changes { kind subject before after breaking why }
    }
  }
}`;

/** A retired product says when and by what; a deprecated one until when. */
function lifecycle(l) {
  if (!l || (l.status !== 'RETIRED' && l.status !== 'DEPRECATED')) {
    return nothing;
  }
  return l.status === 'RETIRED'
    ? html`<p class="lifecycle retired">Retired ${l.retiredAt ? html`on ${l.retiredAt}` : nothing}
        ${l.retiredBy ? html`(${l.retiredBy})` : nothing}: its domain no longer declares it. What it published is kept
        for the lineage that still names it.</p>`
    : html`<p class="lifecycle deprecated">Deprecated${l.sunset ? html`: it goes away on ${l.sunset}` : nothing}.
        Move what reads it off it.</p>`;
}

/** One named change: its kind and subject, before → after, and why it breaks when it does. */
function change(c) {
  return html`<li>${c.breaking ? html`<span class="tag breaking">breaking</span> ` : nothing}<span
    class="kind">${c.kind}</span> ${c.subject}
    ${c.before || c.after ? html`: <del>${c.before}</del> → <ins>${c.after}</ins>` : nothing}
    ${c.why ? html`<span class="quiet">${c.why}</span>` : nothing}</li>`;
}

/** The template a product was made from: what its team changed since, and what the newest version would change. */
function template(t) {
  if (!t) {
    return nothing;
  }
  return html`<section class="template"><h2>Template</h2>
    <p>Made from <strong>${t.id}</strong> ${t.version}${t.outdated
      ? html` · <span class="tag outdated">version ${t.latestVersion} is out</span>` : nothing}</p>
    ${t.problem ? html`<p class="quiet">${t.problem}</p>` : html`
      <details><summary>Changed since: ${t.drift.length} change${t.drift.length === 1 ? '' : 's'}</summary>
        <ul>${t.drift.map(change)}</ul></details>
      ${t.outdated ? html`<details><summary>What ${t.latestVersion} would change: ${t.upgrade.length}</summary>
        <ul>${t.upgrade.map(change)}</ul></details>` : nothing}`}
  </section>`;
}

function breakingCount(revision) {
  const n = revision.changes.filter((c) => c.breaking).length;
  return n ? html` · <span class="tag breaking">${n} breaking</span>` : nothing;
}

const DATASET_PRODUCT = `query DatasetProduct($id: ID!) { dataset(id: $id) { id productId } }`;

export async function productView(main, route, stillWanted) {
  let id = route.parts[0];
  let focus = null;
  if (route.view === 'dataset') {
    const found = await graphql(DATASET_PRODUCT, { id });
    if (!found.dataset) {
      throw new Error(`The catalog knows no dataset ${id}, or you may not see it.`);
    }
    focus = found.dataset.id;
    id = found.dataset.productId;
  }
  const data = await graphql(PRODUCT, { id });
  if (!stillWanted()) {
    return;
  }
  const p = data.dataProduct;
  if (!p) {
    throw new Error(`The catalog knows no product ${id}, or you may not see it.`);
  }
  render(html`
    <article class="product">
      <header>
        <h1>${p.name} <span class="id">${p.id}</span></h1>
        <p class="meta">
          <span class="status">${p.status}</span> <span class="visibility">${p.visibility}</span>
          ${p.version ? html`version ${p.version}` : nothing} · domain ${p.domain.name} ${health(p.health)}
          ${p.tags.map((t) => html`<span class="tag">${t}</span>`)}
          · <a href=${link('lineage', ['PRODUCT', p.id])}>Impact downstream</a>
          · <a href=${link('lineage', ['PRODUCT', p.id], { direction: 'UPSTREAM' })}>Lineage upstream</a>
        </p>
      </header>
      ${partialErrors(data.errors)}
      ${lifecycle(p.lifecycle)}
      <section class="about">
        <p>${p.description.purpose}</p>
        ${p.description.limitations ? html`<p><strong>Limitations:</strong> ${p.description.limitations}</p>` : nothing}
        ${p.description.usage ? html`<p><strong>Usage:</strong> ${p.description.usage}</p>` : nothing}
      </section>
      <section class="owner">
        <h2>Owner</h2>
        <p><strong>${p.owner.name}</strong>${p.ownerInherited ? html` <span class="quiet">(the domain's)</span>` : nothing}
          ${p.owner.description}</p>
        <ul>${p.owner.members.map((m) => html`<li>${m.name} <span class="quiet">${m.role} · ${m.username}</span></li>`)}</ul>
        ${p.support.length ? html`<p>Support: ${p.support.map((s) => html`<a href=${s.url}>${s.channel} (${s.tool})</a> `)}</p>`
          : nothing}
      </section>
      ${template(p.template)}
      ${p.sla.length ? html`<section class="sla"><h2>SLA</h2><ul>${p.sla.map((s) => html`
        <li>${s.property}: ${s.value} ${s.unit}${s.element ? html` <span class="quiet">on ${s.element}</span>` : nothing}</li>`)}
        </ul></section>` : nothing}
      <section class="datasets"><h2>Datasets</h2>${p.datasets.map((d) => dataset(d, d.id === focus))}</section>
      ${ports(p)}
      <section class="consumers"><h2>Consumers</h2>
        ${p.consumers.length === 0 ? html`<p class="quiet">None declared.</p>` : html`<ul>${p.consumers.map((c) => html`
          <li class=${c.external ? 'external' : ''}><strong>${c.name}</strong> <span class="kind">${c.kind}</span>
            ${c.external ? html`<span class="tag external">external: ${c.destination}</span>` : nothing}
            ${c.ownerTeam ? html`<span class="quiet">team ${c.ownerTeam}</span>` : nothing}
            ${c.purpose ? html`<span class="quiet">purpose ${c.purpose}</span>` : nothing}
            <div>${c.description}</div></li>`)}</ul>`}
      </section>
      <section class="history"><h2>History</h2>
        ${(p.history || []).map((r) => html`<details><summary>Revision ${r.number} · ${r.at} · version ${r.declaredVersion}
          · ${r.changes.length} change${r.changes.length === 1 ? '' : 's'}${breakingCount(r)}</summary>
          <p class="quiet">${r.harvest}</p>
          <ul>${r.changes.map(change)}</ul>
          ${r.descriptor ? html`<details class="descriptor"><summary>The product as declared, before and after</summary>
            <div class="before-after"><pre>${r.previousDescriptor || '(no earlier revision)'}</pre><pre>${r.descriptor}</pre></div>
          </details>` : nothing}</details>`)}
      </section>
    </article>`, main);
  if (focus) {
    main.querySelector(`[data-dataset="${CSS.escape(focus)}"]`)?.scrollIntoView();
  }
}

function dataset(d, focused) {
  return html`<div class="dataset ${focused ? 'focused' : ''}" data-dataset=${d.id}>
    <h3>${d.name} <span class="id">${d.physicalName}</span> ${health(d.health)}
      <a class="small" href=${link('lineage', ['DATASET', d.id])}>impact</a></h3>
    <p>${d.description}</p>
    <table class="fields">
      <thead><tr><th>Field</th><th>Type</th><th>Meaning</th><th>Classification</th><th>From</th><th></th></tr></thead>
      <tbody>${d.fields.map((f) => html`<tr data-field=${f.ref}>
        <td><strong>${f.name}</strong>${f.primaryKey ? html` <span class="tag">key</span>` : nothing}
          ${f.criticalDataElement ? html` <span class="tag">critical</span>` : nothing}</td>
        <td>${f.logicalType}${f.required ? '' : '?'}</td>
        <td>${f.description}${f.transformDescription ? html`<div class="quiet">${f.transformDescription}</div>` : nothing}
          ${f.examples.length ? html`<div class="quiet">e.g. ${f.examples.join(', ')}</div>` : nothing}
          ${f.examplesWithheld ? html`<div class="quiet">examples withheld</div>` : nothing}</td>
        <td>${f.classification ? html`<span class="tag class">${f.classification}</span>` : nothing}</td>
        <td>${f.derivedFrom.map((ref) => html`<a href=${link('lineage', ['FIELD', ref])}>${ref}</a> `)}</td>
        <td><a class="small" href=${link('lineage', ['FIELD', f.ref])}>impact</a>
          <a class="small" href=${link('change', [], { c: `${f.ref}|RENAME|` })}>change</a></td>
      </tr>`)}</tbody>
    </table></div>`;
}

function ports(p) {
  if (p.inputPorts.length === 0 && p.outputPorts.length === 0) {
    return nothing;
  }
  return html`<section class="ports"><h2>Ports</h2>
    ${p.inputPorts.length ? html`<p>Reads: ${p.inputPorts.map((i) => html`<a href=${link('dataset', [i.datasetId])}>${i.datasetId}</a>
      <span class="quiet">(${i.name} ${i.version})</span> `)}</p>` : nothing}
    ${p.outputPorts.length ? html`<p>Serves: ${p.outputPorts.map((o) => html`${o.name} <span class="quiet">${o.type} ${o.version}</span> `)}</p>`
      : nothing}</section>`;
}
