// The portal: one page, views chosen by the URL's fragment (#/spaces, #/spaces/1, ...).
import { call, upload, session, saveSession, signOut, url, customerPath } from './api.js';
import { h, show, problem, copyable } from './dom.js';
import { booksView } from './books.js';
import { queriesView } from './queries.js';
import { batchesView, batchView } from './batches.js';

const nav = document.getElementById('nav');
const picker = document.getElementById('customer');
// The page shown now: aborted when it is left, which ends its loads and its polling for good.
let visit = new AbortController();

// ---- sign in ----

function signInView() {
  nav.hidden = true;
  const message = h('div');
  const form = h('form', { class: 'card', id: 'sign-in' },
    h('label', {}, 'API key', h('input', { type: 'text', name: 'key', id: 'key', required: true, autocomplete: 'username' })),
    h('label', {}, 'Secret', h('input', { type: 'password', name: 'secret', id: 'secret', required: true, autocomplete: 'current-password' })),
    h('button', { type: 'submit' }, 'Sign in'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const credentials = { key: form.key.value.trim(), secret: form.secret.value };
    try {
      const customers = await call('customers?pageSize=500', { credentials });
      const members = customers.member || [];
      const administrator = members.some((c) => c.administrator);
      const own = members.find((c) => !c.administrator) || members[0];
      saveSession({ ...credentials, administrator, customer: own ? own.id : null,
        customers: members.map((c) => ({ id: c.id, name: c.name })) });
      go('#/spaces');
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  });
  show('Sign in', h('p', { class: 'muted' }, 'With an API key and its secret. They are kept in this browser tab only, until you sign out or close it.'), form);
}

function setUpNav() {
  nav.hidden = false;
  const current = session();
  const label = picker.closest('label');
  label.hidden = !current.administrator;
  if (current.administrator) {
    picker.replaceChildren(...current.customers.map((c) =>
      h('option', { value: c.id, selected: c.id === current.customer }, c.name + ' (' + c.id + ')')));
  }
}

picker.addEventListener('change', () => {
  saveSession({ ...session(), customer: Number(picker.value) });
  go('#/spaces');
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  go('#/signin');
});

// ---- spaces ----

async function spacesView(signal) {
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const message = h('div');
  const create = h('form', { class: 'card', id: 'new-space' },
    h('label', {}, 'New space name', h('input', { type: 'text', name: 'name', required: true })),
    h('button', { type: 'submit' }, 'Create space'), message);
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await call(customerPath() + '/spaces', { method: 'POST', body: { name: create.name.value.trim() } });
      create.reset();
      await load();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  });
  show('Spaces', create, list);
  async function load() {
    try {
      const spaces = await call(customerPath() + '/spaces?pageSize=500', { signal });
      if (signal.aborted) return;
      list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Space'), h('th', {}, 'Name'), h('th', {}, 'Images'), h('th', {}, 'Rename'))),
        h('tbody', {}, (spaces.member || []).map(spaceRow)))));
    } catch (error) {
      if (!signal.aborted) list.replaceChildren(problem(error));
    }
  }
  function spaceRow(space) {
    const name = h('input', { type: 'text', value: space.name, 'aria-label': 'New name for space ' + space.id });
    const note = h('span', { class: 'muted' });
    return h('tr', {},
      h('td', {}, h('a', { href: '#/spaces/' + space.id }, String(space.id))),
      h('td', {}, h('a', { href: '#/spaces/' + space.id }, space.name)),
      h('td', { class: 'count' }, String(space.approximateNumberOfImages)),
      h('td', {}, name, ' ', h('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          await call(customerPath() + '/spaces/' + space.id, { method: 'PATCH', body: { name: name.value.trim() } });
          await load();
        } catch (error) {
          note.replaceChildren(problem(error));
        }
      } }, 'Rename'), note));
  }
  await load();
}

// ---- one space: upload and images ----

const PAGE_SIZE = 20;

async function spaceView(signal, space, query) {
  const page = Number(query.get('page') || 1);
  const string1 = query.get('string1') || '';
  const tag = query.get('tag') || '';
  const table = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const filters = h('form', { class: 'card', id: 'filters' },
    h('label', { class: 'inline' }, 'string1 ', h('input', { type: 'text', name: 'string1', value: string1 })),
    h('label', { class: 'inline' }, 'tag ', h('input', { type: 'text', name: 'tag', value: tag })),
    h('button', { type: 'submit', class: 'secondary' }, 'Filter'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (filters.string1.value) next.set('string1', filters.string1.value);
    if (filters.tag.value) next.set('tag', filters.tag.value);
    go('#/spaces/' + space + (next.toString() ? '?' + next : ''));
  });
  show('Space ' + space,
    h('p', {}, h('a', { href: '#/spaces/' + space + '/books', id: 'books-link' }, 'Books in this space'),
      ' (images grouped by string1, to open in the viewer)'),
    uploadForm(space, () => load()), h('h2', {}, 'Images'), filters, table);

  async function load() {
    const params = new URLSearchParams({ page, pageSize: PAGE_SIZE });
    if (string1) params.set('string1', string1);
    if (tag) params.set('tag', tag);
    try {
      const images = await call(customerPath() + '/spaces/' + space + '/images?' + params, { signal });
      if (signal.aborted) return;
      const pages = Math.max(1, Math.ceil(images.totalItems / PAGE_SIZE));
      const link = (p, text) => {
        const next = new URLSearchParams(params);
        next.delete('pageSize');
        next.set('page', p);
        return h('a', { href: '#/spaces/' + space + '?' + next }, text);
      };
      table.replaceChildren(
        h('p', { class: 'muted', id: 'image-count' }, images.totalItems + (images.totalItems === 1 ? ' image' : ' images')),
        h('div', { class: 'table-wrap' }, h('table', { id: 'images' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Image'), h('th', {}, 'Id'), h('th', {}, 'Size'),
            h('th', { class: 'optional' }, 'Metadata'), h('th', {}, 'Status'), h('th', {}, 'Actions'))),
          h('tbody', {}, (images.member || []).map((image) => imageRow(space, image, load))))),
        h('div', { class: 'pager' }, page > 1 ? link(page - 1, 'Previous') : null,
          h('span', {}, 'Page ' + page + ' of ' + pages), page < pages ? link(page + 1, 'Next') : null));
    } catch (error) {
      if (!signal.aborted) table.replaceChildren(problem(error));
    }
  }
  await load();
}

/**
 * The number of the batch an image was queued in, or null: the API gives the batch as its URL
 * (as the DLCS does) or, from older servers, as a number.
 */
function batchOf(image) {
  const value = image.batch;
  if (value === undefined || value === null || value === '') return null;
  const id = typeof value === 'number' ? String(value) : String(value).replace(/\/+$/, '').split('/').pop();
  return /^[0-9]+$/.test(id) ? id : null;
}

function status(image) {
  const batch = batchOf(image);
  const from = batch ? [' ', h('a', { href: '#/batches/' + batch, class: 'batch-link' }, 'batch ' + batch)] : [];
  if (image.error) return h('span', { class: 'error' }, 'Error: ' + image.error, from);
  if (image.ingesting || !image.finished) return h('span', { class: 'muted' }, 'Ingesting', from);
  return h('span', { class: 'ok' }, 'Finished', from);
}

function imageRow(space, image, reload) {
  const note = h('div');
  // built from what the page knows, not from the image's @id, which may name the public base URL
  const path = customerPath() + '/spaces/' + space + '/images/' + encodeURIComponent(image.id);
  const viewer = '#/spaces/' + space + '/images/' + encodeURIComponent(image.id);
  const finished = image.finished && !image.error;
  const metadata = [image.string1, image.string2, image.string3].filter(Boolean)
    .concat([image.number1, image.number2, image.number3].filter((n) => n))
    .concat((image.tags || []).map((t) => '#' + t)).join(' · ');
  return h('tr', { 'data-id': image.id },
    h('td', {}, finished ? h('a', { href: viewer }, h('img', { alt: 'Thumbnail of ' + image.id, loading: 'lazy',
      src: image.thumbnailImageService + '/full/!100,100/0/default.jpg' })) : ''),
    h('td', {}, finished ? h('a', { href: viewer }, image.id) : image.id),
    h('td', {}, image.width ? image.width + ' × ' + image.height : ''),
    h('td', { class: 'optional' }, metadata),
    h('td', {}, status(image)),
    h('td', {},
      image.origin ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          await call(path + '/reingest', { method: 'POST' });
          await reload();
        } catch (error) {
          note.replaceChildren(problem(error));
        }
      } }, 'Re-ingest') : null, ' ',
      h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm('Delete image ' + image.id + '?')) return;
        try {
          await call(path, { method: 'DELETE' });
          await reload();
        } catch (error) {
          note.replaceChildren(problem(error));
        }
      } }, 'Delete'), note));
}

function uploadForm(space, done) {
  const results = h('ul', { class: 'results', id: 'upload-results', 'aria-live': 'polite' });
  const files = h('input', { type: 'file', name: 'files', id: 'files', accept: 'image/*', multiple: true });
  const drop = h('div', { class: 'drop' }, h('label', {}, 'Image files (or drop them here)', files));
  const form = h('form', { class: 'card', id: 'upload' },
    h('h2', {}, 'Upload'), drop,
    h('label', {}, 'Id (only for a single file; empty: one is assigned)', h('input', { type: 'text', name: 'id' })),
    ['string1', 'string2', 'string3'].map((n) => h('label', { class: 'inline' }, n + ' ', h('input', { type: 'text', name: n }))),
    ['number1', 'number2', 'number3'].map((n) => h('label', { class: 'inline' }, n + ' ', h('input', { type: 'number', min: 0, name: n }))),
    h('label', {}, 'Tags (comma-separated)', h('input', { type: 'text', name: 'tags' })),
    h('button', { type: 'submit' }, 'Upload'), results);
  for (const name of ['dragenter', 'dragover']) {
    drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add('over'); });
  }
  for (const name of ['dragleave', 'drop']) {
    drop.addEventListener(name, () => drop.classList.remove('over'));
  }
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    files.files = event.dataTransfer.files;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = Array.from(files.files);
    if (chosen.length === 0) {
      results.replaceChildren(h('li', { class: 'error' }, 'Choose one or more image files first.'));
      return;
    }
    const metadata = {};
    for (const n of ['string1', 'string2', 'string3']) if (form[n].value) metadata[n] = form[n].value;
    for (const n of ['number1', 'number2', 'number3']) if (form[n].value !== '') metadata[n] = Number(form[n].value);
    if (form.tags.value.trim()) metadata.tags = form.tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    const id = chosen.length === 1 ? form.id.value.trim() : '';
    results.replaceChildren();
    await Promise.all(chosen.map(async (file) => {
      const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Uploading ' + file.name });
      const line = h('li', {}, file.name + ' ', bar);
      results.append(line);
      const path = customerPath() + '/spaces/' + space + '/images' + (id ? '/' + encodeURIComponent(id) : '');
      try {
        const image = await upload(path, id ? 'PUT' : 'POST', file, metadata, (done) => { bar.value = done; });
        line.replaceChildren(h('span', { class: 'ok' }, file.name + ': registered as ' + image.id + ' (' + image.width + ' × ' + image.height + ') '),
          h('a', { href: '#/spaces/' + space + '/images/' + encodeURIComponent(image.id) }, 'view'));
      } catch (error) {
        line.replaceChildren(h('span', { class: 'error' }, file.name + ': ' + error.message));
      }
    }));
    await done();
  });
  return form;
}

// ---- viewer ----

async function viewerView(signal, space, id) {
  try {
    const image = await call(customerPath() + '/spaces/' + space + '/images/' + encodeURIComponent(id), { signal });
    if (signal.aborted) return;
    const info = image.imageService + '/info.json';
    show('Image ' + id,
      h('p', {}, h('a', { href: '#/spaces/' + space }, '← Space ' + space)),
      copyable('IIIF info.json', info, 'info-url'),
      h('div', { id: 'viewer', role: 'img', 'aria-label': 'Deep zoom view of ' + id }));
    window.OpenSeadragon({ id: 'viewer', prefixUrl: url('webjars/openseadragon/2.4.2/build/openseadragon/images/'),
      tileSources: info, showNavigator: true, crossOriginPolicy: 'Anonymous' });
  } catch (error) {
    if (!signal.aborted) show('Image ' + id, problem(error));
  }
}

// ---- routing ----

/**
 * Shows the page the URL's fragment names, once a navigation: from the hashchange event, or
 * from go() where the fragment stays the same. The page shown before is left for good.
 */
async function route() {
  visit.abort();
  visit = new AbortController();
  const { signal } = visit;
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean);
  if (!session() || parts[0] === 'signin') {
    signInView();
    return;
  }
  setUpNav();
  if (parts[0] === 'spaces' && parts.length === 1) return spacesView(signal);
  if (parts[0] === 'spaces' && parts.length === 2) return spaceView(signal, parts[1], query);
  if (parts[0] === 'spaces' && parts[2] === 'books' && parts.length === 3) return booksView(signal, parts[1]);
  if (parts[0] === 'spaces' && parts[2] === 'images' && parts.length === 4) return viewerView(signal, parts[1], decodeURIComponent(parts[3]));
  if (parts[0] === 'queries' && parts.length === 1) return queriesView(signal);
  if (parts[0] === 'batches' && parts.length === 1) return batchesView(signal);
  if (parts[0] === 'batches' && parts.length === 2) return batchView(signal, parts[1]);
  location.hash = '#/spaces';
}

/** Navigates to hash: the hashchange event renders it, or route() where the hash is already that. */
function go(hash) {
  if (location.hash === new URL(hash, location.href).hash) {
    route();
  } else {
    location.hash = hash;
  }
}

window.addEventListener('hashchange', route);
route();
