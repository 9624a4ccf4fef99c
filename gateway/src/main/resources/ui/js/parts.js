// Small pieces more than one view draws.
import { html, nothing } from '/webjars/lit-html/lit-html.js';

/** `act`, run once typing pauses (150 ms after the last call), not at every key. */
export function whenTypingPauses(act) {
  let waiting;
  return (...args) => {
    clearTimeout(waiting);
    waiting = setTimeout(() => act(...args), 150);
  };
}

/** A health status as a badge; `reason` as its tooltip. */
export function health(value) {
  if (!value) {
    return nothing;
  }
  const status = typeof value === 'string' ? value : value.status;
  const reason = typeof value === 'string' ? '' : value.reason;
  return html`<span class="health ${status.toLowerCase()}" title=${reason}>${status}</span>`;
}

/** How many teams a list shows, nearest first; a hub's impact names thousands, and its CSV export holds them all. */
const TEAMS_SHOWN = 100;

/** Teams to tell: each with its members, what of its own is affected and how near. */
export function teamsToTell(teams) {
  if (!teams || teams.length === 0) {
    return html`<p class="quiet">Nobody to tell.</p>`;
  }
  const more = teams.length - TEAMS_SHOWN;
  return html`${more > 0 ? html`<p class="quiet" id="more-teams">${teams.length} teams: the nearest ${TEAMS_SHOWN}
      are listed, the CSV export holds all.</p>` : nothing}
    <ul class="teams">${teams.slice(0, TEAMS_SHOWN).map((team) => html`
    <li class="team" data-team=${team.team}><strong>${team.team}</strong>
      <span class="quiet">nearest at ${team.nearestDegree} hop${team.nearestDegree === 1 ? '' : 's'}</span>
      ${team.members.length ? html`<div>${team.members.map((m) => html`<span class="member">${m.name} (${m.role})</span>`)}</div>`
        : html`<div class="quiet">no members listed</div>`}
      <div class="affected">${team.affected.join(', ')}${team.hiddenAffected
        ? html` <span class="quiet">and ${team.hiddenAffected} you may not see</span>` : nothing}</div>
    </li>`)}</ul>`;
}

/** Items the caller may not see, counted per team. */
export function hidden(items) {
  if (!items || items.length === 0) {
    return nothing;
  }
  return html`<p class="quiet hidden-items">Not shown: ${items.map((h) => `${h.count} of ${h.team || 'unknown teams'}`)
    .join(', ')}.</p>`;
}

/** Errors that came with partial data, named so the reader knows what is missing. */
export function partialErrors(errors) {
  if (!errors || errors.length === 0) {
    return nothing;
  }
  return html`<ul class="error" role="alert">${errors.map((e) => html`<li>${e.path ? `${e.path.join('.')}: ` : ''}${e.message}</li>`)}</ul>`;
}
