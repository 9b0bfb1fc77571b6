// Named queries: the customer's own and the global ones, made and deleted here, and tried: the
// manifest URL that given parameters make, fetched to show whether it answers, and opened.
import { call, session, customerPath, serverUrl, publicJson } from './api.js';
import { h, show, problem, copyable } from './dom.js';
import { viewerLink } from './books.js';

/**
 * The parameters a template takes: {@code count}, the highest pN among its values, of which the
 * last {@code given} may be left out of the URL, as the template's {@code #=value} pairs give them.
 */
export function parametersOf(template) {
  let count = 0;
  let given = 0;
  for (const pair of String(template || '').split('&')) {
    const key = pair.substring(0, pair.indexOf('='));
    const value = pair.substring(pair.indexOf('=') + 1);
    if (key === '#') given++;
    for (const part of value.split(/[;,\s]+/)) {
      const match = /^p([1-9][0-9]?)$/.exec(part);
      if (match) count = Math.max(count, Number(match[1]));
    }
  }
  return { count, required: Math.max(0, count - given) };
}

/** Whether the portal's customer owns the query (the global ones are listed for every customer). */
function own(query) {
  return Number(query.customer) === Number(session().customer);
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
      h('td', {}, (query.global ? 'global' : 'this customer') + (own(query) ? '' : ', owned by customer ' + query.customer)),
      h('td', {},
        h('button', { type: 'button', class: 'secondary', onclick: () => tryForm(query) }, 'Try'), ' ',
        own(query) || (query.global && session().administrator) ? h('button', { type: 'button', class: 'danger', onclick: async () => {
          if (!confirm('Delete the named query ' + query.name + '?')) return;
          try {
            await call(customerPath() + '/namedQueries/' + encodeURIComponent(query.id), { method: 'DELETE' });
            await load();
          } catch (error) {
            note.replaceChildren(problem(error));
          }
        } }, 'Delete') : null, note));
  }

  function tryForm(query) {
    const { count, required } = parametersOf(query.template);
    const result = h('div', { id: 'try-result', 'aria-live': 'polite' });
    const form = h('form', { class: 'card query-try', id: 'try-query', 'data-name': query.name },
      h('h2', {}, 'Try ' + query.name),
      h('p', { class: 'muted' }, h('code', {}, query.template)),
      Array.from({ length: count }, (_, i) => h('label', { class: 'inline' },
        'p' + (i + 1) + (i < required ? ' ' : ' (or as the template gives it) '),
        h('input', { type: 'text', name: 'p' + (i + 1), required: i < required }))),
      h('button', { type: 'submit' }, 'Make the manifest URL'), result);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const parameters = [];
      for (let i = 1; i <= count && form['p' + i].value !== ''; i++) {
        parameters.push('/' + encodeURIComponent(form['p' + i].value));
      }
      const path = 'iiif-resource/' + session().customer + '/' + encodeURIComponent(query.name) + parameters.join('');
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
    (form.querySelector('input') || form.querySelector('button')).focus();
  }

  await load();
}
