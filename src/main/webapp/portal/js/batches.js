// Batches: the active and recent ones with their progress, one or several batches with their
// failures (and a retry), and a new batch prepared from a CSV or a JSON collection, checked by
// the server's dry run, then sent.
import { call, customerPath } from './api.js';
import { h, show, problem } from './dom.js';
import { prepareBatchForm } from './prepare.js';

/** Most batches one page follows at once (a 100,000-row file is 100 batches of 1,000). */
const MAX_FOLLOWED = 100;

function progress(batch) {
  // a member registered again elsewhere (or deleted) meanwhile is superseded: done with, too
  const superseded = batch.supersededCount || 0;
  const done = batch.completed + batch.errors + superseded;
  return h('div', { class: 'batch', 'data-batch': batch.id },
    h('a', { href: '#/batches/' + batch.id }, 'Batch ' + batch.id), ' ',
    batch.priority ? h('span', { class: 'tag' }, 'priority') : null, ' ',
    h('span', { class: 'muted' }, batch.submitted), ' ',
    h('progress', { max: batch.count, value: done, 'aria-label': 'Batch ' + batch.id + ' progress' }),
    h('span', { class: 'counts' }, batch.completed + ' completed, ' + batch.errors + ' errors, '
      + (superseded ? superseded + ' superseded, ' : '') + batch.count + ' in all' + (batch.finished ? ' · finished' : '')));
}

/** Calls load now and again two seconds after each load ends, until the page is left. */
async function poll(signal, load) {
  while (!signal.aborted) {
    await load();
    await pause(2000, signal);
  }
}

/** Waits ms milliseconds, or less if the page is left meanwhile (its timer then cleared). */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const end = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', end);
      resolve();
    };
    const timer = setTimeout(end, ms);
    signal.addEventListener('abort', end);
    if (signal.aborted) end();
  });
}

export async function batchesView(signal) {
  const active = h('div', { id: 'active' });
  const recent = h('div', { id: 'recent' });
  show('Batches', prepareBatchForm(signal), h('h2', {}, 'Active'), active, h('h2', {}, 'Recent'), recent);
  async function load() {
    try {
      const [a, r] = await Promise.all([call(customerPath() + '/queue/active?pageSize=50', { signal }),
        call(customerPath() + '/queue/recent?pageSize=20', { signal })]);
      if (signal.aborted) return;
      active.replaceChildren(...((a.member || []).length ? a.member.map(progress) : [h('p', { class: 'muted' }, 'None running.')]));
      recent.replaceChildren(...((r.member || []).length ? r.member.map(progress) : [h('p', { class: 'muted' }, 'None yet.')]));
    } catch (error) {
      if (!signal.aborted) active.replaceChildren(problem(error));
    }
  }
  await poll(signal, load);
}

/**
 * One batch, or several (#/batches/12,13,14: the batches one file was sent as): each with its
 * progress, and their failed members with their errors; one button retries them all.
 */
export async function batchView(signal, list) {
  const ids = /^[0-9]{1,18}(,[0-9]{1,18})*$/.test(list) ? [...new Set(list.split(','))].slice(0, MAX_FOLLOWED) : [];
  if (ids.length === 0) {
    show('Batches', h('p', {}, h('a', { href: '#/batches' }, '← Batches')),
      problem('There is no batch ' + list + ': a batch is named by its number.'));
    return;
  }
  const several = ids.length > 1;
  // the failures listed per batch: all of one batch's first 500, a few of each of many
  const listed = several ? 20 : 500;
  const summary = h('div', { id: 'summary' });
  const failed = h('div', { id: 'failed' });
  const note = h('div');
  let failing = [];
  const retry = h('button', { type: 'button', id: 'retry', hidden: true, onclick: async () => {
    try {
      for (const id of failing) {
        await call(customerPath() + '/queue/batches/' + id + '/retry', { method: 'POST' });
      }
      note.replaceChildren(h('p', { class: 'ok' }, 'The failed members were queued again.'));
      await load();
    } catch (error) {
      note.replaceChildren(problem(error));
    }
  } }, 'Retry the failed members');
  show(several ? 'Batches ' + ids[0] + '–' + ids[ids.length - 1] : 'Batch ' + ids[0],
    h('p', {}, h('a', { href: '#/batches' }, '← Batches')),
    ...(several ? [h('p', { class: 'muted', id: 'overall' })] : []),
    summary, h('h2', {}, 'Failed members'), failed, retry, note);
  async function load() {
    try {
      const loaded = await Promise.all(ids.map((id) => Promise.all([
        call(customerPath() + '/queue/batches/' + id, { signal }),
        call(customerPath() + '/queue/batches/' + id + '/images?status=error&pageSize=' + listed, { signal })])));
      if (signal.aborted) return;
      summary.replaceChildren(...loaded.map(([batch]) => progress(batch)));
      if (several) {
        const sum = (name) => loaded.reduce((total, [batch]) => total + batch[name], 0);
        document.getElementById('overall').replaceChildren(ids.length + ' batches: ' + sum('completed') + ' completed, '
          + sum('errors') + ' errors, ' + sum('count') + ' in all');
      }
      failing = loaded.filter(([batch]) => batch.errors > 0).map(([batch]) => batch.id);
      const lines = loaded.flatMap(([batch, images]) => failures(batch, images, several));
      failed.replaceChildren(lines.length ? h('ul', { class: 'results' }, lines) : h('p', { class: 'muted' }, 'None.'));
      retry.hidden = lines.length === 0;
    } catch (error) {
      if (!signal.aborted) summary.replaceChildren(problem(error));
    }
  }
  await poll(signal, load);
}

/** A batch's failed members as list items, and how many more there are where not all were fetched. */
function failures(batch, images, several) {
  const members = images.member || [];
  const lines = members.map((member) => h('li', {}, h('strong', {}, member.id), several ? ' (batch ' + batch.id + ')' : '',
    ': ', h('span', { class: 'error' }, member.batchMemberError || member.error)));
  const more = (images.totalItems || 0) - members.length;
  if (more > 0) {
    lines.push(h('li', { class: 'muted' }, 'and ' + more + ' more',
      several ? [' in ', h('a', { href: '#/batches/' + batch.id }, 'batch ' + batch.id)]
        : ' (the API lists them all: GET …/queue/batches/' + batch.id + '/images?status=error)'));
  }
  return lines;
}
