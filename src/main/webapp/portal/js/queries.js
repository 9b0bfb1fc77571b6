// Named queries: the customer's own and the global ones, made and deleted here, and tried: the
// manifest URL that given parameters make, fetched to show whether it answers, and opened.
import { call, session, customerPath, serverUrl, publicJson } from './api.js';
import { h, show, problem, copyable } from './dom.js';
import { viewerLink } from './books.js';

/** Parameter fields offered at most when trying a query (p1..p9). */
const MAX_PARAMETERS = 9;

/** How many path parameters a template takes: the highest pN among its values. */
export function parameterCount(template) {
  let count = 0;
  for (const pair of String(template || '').split('&')) {
    const value = pair.substring(pair.indexOf('=') + 1);
    for (const part of value.split(/[;,\s]+/)) {
      const match = /^p([1-9][0-9]?)$/.exec(part);
      if (match) count = Math.max(count, Number(match[1]));
    }
  }
  return Math.min(count, MAX_PARAMETERS);
}

/** The id the server gave a query: the last segment of its @id. */
function idOf(query) {
  const id = String(query['@id'] || '');
  return decodeURIComponent(id.substring(id.lastIndexOf('/') + 1));
}

/** Whether the query is the customer's own (a global one may belong to another). */
function own(query) {
  return String(query['@id'] || '').includes('/' + customerPath() + '/namedQueries/');
}

export async function queriesView(signal) {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const trial = h('div', { id: 'try' });
  const message = h('div', { id: 'new-query-message' });
  const create = h('form', { class: 'card', id: 'new-query' },
    h('h2', {}, 'New named query'),
    h('label', {}, 'Name', h('input', { type: 'text', name: 'name', required: true })),
    h('label', {}, 'Template, e.g. space=p1&s1=p2&canvas=n1',
      h('input', { type: 'text', name: 'template', required: true, class: 'wide' })),
    session().administrator ? h('label', {}, h('input', { type: 'checkbox', name: 'global' }),
      ' Global: every customer may use it') : null,
    h('button', { type: 'submit' }, 'Create'), message);
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: create.name.value.trim(), template: create.template.value.trim() };
    if (create.global && create.global.checked) body.global = true;
    try {
      await call(customerPath() + '/namedQueries', { method: 'POST', body });
      create.reset();
      message.replaceChildren(h('p', { class: 'ok' }, 'Created ' + body.name + '.'));
      await load();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  });
  show('Named queries',
    h('p', { class: 'muted' }, 'A named query makes a IIIF manifest from the images its template selects:'
      + ' /iiif-resource/{customer}/{name}/{p1}/{p2}/…'),
    list, trial, create);

  async function load() {
    try {
      const queries = await call(customerPath() + '/namedQueries?pageSize=500', { signal });
      if (signal.aborted) return;
      list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { id: 'queries' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Template'), h('th', {}, 'Scope'), h('th', {}, 'Actions'))),
        h('tbody', {}, (queries.member || []).map(row)))));
    } catch (error) {
      if (!signal.aborted) list.replaceChildren(problem(error));
    }
  }

  function row(query) {
    const note = h('span');
    return h('tr', { 'data-name': query.name },
      h('td', {}, query.name),
      h('td', {}, h('code', {}, query.template)),
      h('td', {}, (query.global ? 'global' : 'this customer') + (own(query) ? '' : ' (shared)')),
      h('td', {},
        h('button', { type: 'button', class: 'secondary', onclick: () => tryForm(query) }, 'Try'), ' ',
        own(query) ? h('button', { type: 'button', class: 'danger', onclick: async () => {
          if (!confirm('Delete the named query ' + query.name + '?')) return;
          try {
            await call(customerPath() + '/namedQueries/' + encodeURIComponent(idOf(query)), { method: 'DELETE' });
            await load();
          } catch (error) {
            note.replaceChildren(problem(error));
          }
        } }, 'Delete') : null, note));
  }

  function tryForm(query) {
    const count = Math.max(1, parameterCount(query.template));
    const result = h('div', { id: 'try-result', 'aria-live': 'polite' });
    const form = h('form', { class: 'card query-try', id: 'try-query', 'data-name': query.name },
      h('h2', {}, 'Try ' + query.name),
      h('p', { class: 'muted' }, h('code', {}, query.template)),
      Array.from({ length: count }, (_, i) => h('label', { class: 'inline' }, 'p' + (i + 1) + ' ',
        h('input', { type: 'text', name: 'p' + (i + 1), required: true }))),
      h('button', { type: 'submit' }, 'Make the manifest URL'), result);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const parameters = Array.from({ length: count }, (_, i) => form['p' + (i + 1)].value);
      const path = 'iiif-resource/' + session().customer + '/' + encodeURIComponent(query.name) + '/'
        + parameters.map(encodeURIComponent).join('/');
      const manifest = serverUrl(path);
      const shown = [copyable('Manifest', manifest, 'try-url'),
        h('p', {}, viewerLink(manifest, 'Open in viewer', 'Open this manifest in the viewer'))];
      result.replaceChildren(...shown, h('p', { class: 'muted' }, 'Asking the server…'));
      try {
        const answer = await publicJson(path, { signal });
        const canvases = (answer.items || answer.sequences?.[0]?.canvases || []).length;
        result.replaceChildren(...shown, h('p', { class: 'ok', id: 'try-answer' },
          'The server answers a manifest with ' + canvases + (canvases === 1 ? ' canvas.' : ' canvases.')));
      } catch (error) {
        if (!signal.aborted) result.replaceChildren(...shown, problem(error));
      }
    });
    trial.replaceChildren(form);
    form.querySelector('input').focus();
  }

  await load();
}
