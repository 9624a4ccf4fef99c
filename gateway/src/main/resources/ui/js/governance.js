// Governance findings: every flow of personal data out of the mesh the caller may see, flagged when no grant covers
// what the consumer uses it for, with the way the data takes and the teams to tell.
import { render, html, nothing } from '/webjars/lit-html/lit-html.js';
import { graphql, apiKey } from './api.js';
import { link } from './router.js';
import { partialErrors } from './parts.js';

// the same document as queries/governance-findings.graphql, and consumer for the links
export const FINDINGS = `query GovernanceFindings {
  governanceFindings {
    flagged truncated
    findings {
      consumer consumerName destination purpose consumerTeam piiField product productTeam path compliant grant
      teamsToTell
    }
  }
}`;

export async function governanceView(main, route, stillWanted) {
  const data = await graphql(FINDINGS);
  if (!stillWanted()) {
    return;
  }
  const report = data.governanceFindings;
  if (!report) {
    throw new Error(`The catalog could not read the governance findings: ${data.errors.map((e) => e.message).join('; ')}`);
  }
  const only = route.params.get('show');
  const findings = report.findings.filter((f) => only !== 'flagged' || !f.compliant);
  render(html`
    <section class="governance">
      <h1>Personal data leaving the mesh</h1>
      <p class="summary"><strong class=${report.flagged ? 'bad' : ''} id="flagged">${report.flagged} flagged</strong>:
        no grant covers what the consumer uses the data for ·
        ${report.findings.length - report.flagged} covered by a grant ·
        <a href=${link('governance', [], { show: only === 'flagged' ? '' : 'flagged' })} id="only-flagged">
          ${only === 'flagged' ? 'Show all' : 'Show flagged only'}</a>
        ${apiKey() ? nothing
          : html`<span class="quiet">· anonymous callers see no findings: use your API key</span>`}</p>
      ${report.truncated ? html`<p class="warning">There are more flows than one answer lists.</p>` : nothing}
      ${partialErrors(data.errors)}
      ${findings.length === 0 ? html`<p class="quiet">No flows of personal data out of the mesh that you may see.</p>`
        : html`<table class="findings">
        <thead><tr><th></th><th>Destination</th><th>Personal data</th><th>The way it takes</th><th>Purpose</th>
          <th>Grant</th><th>Teams to tell</th></tr></thead>
        <tbody>${findings.map((f) => html`
          <tr class=${f.compliant ? 'finding compliant' : 'finding flagged'} data-consumer=${f.consumer}
              data-field=${f.piiField}>
            <td><span class="verdict">${f.compliant ? 'covered' : 'flagged'}</span></td>
            <td><strong>${f.destination}</strong><div class="small">
              <a href=${link('lineage', ['CONSUMER', f.consumer], { direction: 'UPSTREAM' })}>${f.consumerName}</a>
              · ${f.consumerTeam}</div></td>
            <td><a href=${link('lineage', ['FIELD', f.piiField])}>${f.piiField}</a>
              <div class="small"><a href=${link('product', [f.product])}>${f.product}</a> · ${f.productTeam}</div></td>
            <td class="small">${f.path.join(' → ')}</td>
            <td>${f.purpose || html`<span class="quiet">not declared</span>`}</td>
            <td>${f.grant ? html`<span class="id">${f.grant}</span>` : html`<span class="quiet">none</span>`}</td>
            <td>${f.teamsToTell.join(', ')}</td>
          </tr>`)}</tbody></table>`}
    </section>`, main);
}
