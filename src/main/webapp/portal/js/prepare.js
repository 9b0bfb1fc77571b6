// A new batch, as a person prepares it: pasted or chosen (a CSV or the JSON collection), shown
// as a table, checked by the server's dry run of the queue (the rules live there, once), and
// sent only when no row has an error; split into batches of the server's member limit.
import { call, customerPath } from './api.js';
import { h, problem } from './dom.js';
import { readBatch, chunks, duplicatesAcrossBatches, COLUMNS, MAX_CHARACTERS, BatchFileError } from './batchfile.js';

const PAGE = 100;
/** Dry runs under way at once: enough to hide the network's wait, few enough for a small server. */
const CHECKS_AT_ONCE = 3;

export function prepareBatchForm(signal) {
  const text = h('textarea', { name: 'text', id: 'batch-text', rows: 8, class: 'wide', spellcheck: 'false' });
  const file = h('input', { type: 'file', id: 'batch-file', accept: '.csv,.json,text/csv,application/json' });
  const priority = h('input', { type: 'checkbox', name: 'priority', id: 'batch-priority' });
  const check = h('button', { type: 'submit', id: 'check-batch' }, 'Check');
  const submit = h('button', { type: 'button', id: 'submit-batch', disabled: true }, 'Submit');
  const status = h('div', { id: 'batch-status', 'aria-live': 'polite' });
  const table = h('div', { id: 'batch-table' });
  const form = h('form', { class: 'card', id: 'new-batch' },
    h('h2', {}, 'New batch'),
    h('p', { class: 'muted' }, 'A CSV with a header row (' + COLUMNS.join(', ') + '; tags separated by ;),'
      + ' or the JSON Hydra Collection the API takes. It is checked by the server first; nothing is sent while a row'
      + ' has an error.'),
    h('label', {}, 'Paste it', text),
    h('label', {}, 'Or choose a file ', file),
    h('label', {}, priority, ' Priority: send it to the priority queue, ahead of the normal one'),
    check, ' ', submit, status, table);
  // what the last check found, while the text and the queue are still those it checked; a
  // change made while a check is under way counts too (that check then enables nothing)
  let checked = null;
  let changes = 0;
  const forget = () => {
    changes++;
    checked = null;
    submit.disabled = true;
  };
  text.addEventListener('input', forget);
  priority.addEventListener('change', forget);
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    forget();
    if (chosen.size > MAX_CHARACTERS) {
      status.replaceChildren(problem(chosen.name + ' is ' + chosen.size + ' bytes; at most ' + MAX_CHARACTERS
        + ' are read here. Split it into smaller files.'));
      return;
    }
    text.value = await chosen.text();
    status.replaceChildren(h('p', { class: 'muted' }, 'Read ' + chosen.name + '. Check it next.'));
    table.replaceChildren();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    forget();
    const version = changes;
    table.replaceChildren();
    check.disabled = true;
    const started = performance.now();
    try {
      const batch = readBatch(text.value);
      status.replaceChildren(h('p', { class: 'muted' }, 'Checking ' + batch.rows.length + ' rows…'));
      const queue = await call(customerPath() + '/queue', { signal });
      const size = queue.maxBatchSize || 1000;
      await dryRun(batch.rows, size, priority.checked, signal, (done, all) => status.replaceChildren(
        h('p', { class: 'muted' }, 'Checking ' + batch.rows.length + ' rows: ' + done + ' of ' + all + ' batches checked…')));
      duplicatesAcrossBatches(batch.rows, size);
      if (signal.aborted) return;
      const bad = batch.rows.filter((row) => row.problems.length > 0).length;
      const parts = Math.ceil(batch.rows.length / size);
      form.dataset.checkedMs = Math.round(performance.now() - started);
      status.replaceChildren(h('p', { class: bad ? 'error' : 'ok', id: 'batch-summary' },
        bad ? bad + ' of ' + batch.rows.length + (batch.rows.length === 1 ? ' row ' : ' rows ')
          + (bad === 1 ? 'has an error' : 'have errors')
          + ': fix ' + (bad === 1 ? 'it' : 'them') + ' above and check again. Nothing is sent while an error remains.'
          : batch.rows.length + (batch.rows.length === 1 ? ' row' : ' rows') + ' checked: no errors.'),
      ...(parts > 1 ? [h('p', { id: 'batch-split' }, batch.rows.length + ' rows are more than the ' + size
        + ' one batch may have: they will be sent as ' + parts + ' batches of at most ' + size + '.')] : []));
      table.replaceChildren(rowsTable(batch, bad > 0));
      status.scrollIntoView({ block: 'start' });
      if (bad === 0 && version === changes) {
        checked = { batch, size, priority: priority.checked };
        submit.disabled = false;
      }
    } catch (error) {
      if (!signal.aborted) status.replaceChildren(problem(error instanceof BatchFileError ? error.message : error));
    } finally {
      check.disabled = false;
    }
  });
  submit.addEventListener('click', async () => {
    if (!checked) return;
    const { batch, size } = checked;
    const path = customerPath() + '/queue' + (checked.priority ? '/priority' : '');
    const parts = chunks(batch.rows, size);
    forget();
    check.disabled = true;
    const sent = [];
    try {
      for (const part of parts) {
        status.replaceChildren(h('p', { class: 'muted' }, 'Sending batch ' + (sent.length + 1) + ' of ' + parts.length + '…'));
        const accepted = await call(path, { method: 'POST', body: collection(part) });
        sent.push(accepted.id);
      }
      // once sent, the batches are followed, unless the person has gone elsewhere meanwhile
      if (!signal.aborted) location.hash = '#/batches/' + sent.join(',');
    } catch (error) {
      status.replaceChildren(problem(error), h('p', {}, sent.length
        ? 'Sent before that: ' + sent.map((id) => 'batch ' + id).join(', ') + ', the first ' + sent.length * size
          + ' rows; the rest were not sent. ' : 'Nothing was sent. ',
      sent.length ? h('a', { href: '#/batches/' + sent.join(',') }, 'Follow what was sent') : null));
    } finally {
      check.disabled = false;
    }
  });
  return form;
}

function collection(rows) {
  return { '@type': 'Collection', member: rows.map((row) => row.member) };
}

/**
 * Asks the server to check each batch the rows make (POST .../queue?dryRun=true, nothing stored)
 * and adds each problem it finds to its row; a few batches at a time.
 */
async function dryRun(rows, size, priority, signal, onProgress) {
  const parts = chunks(rows, size);
  const path = customerPath() + '/queue' + (priority ? '/priority' : '') + '?dryRun=true';
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < parts.length && !signal.aborted) {
      const part = parts[next++];
      const report = await call(path, { method: 'POST', body: collection(part), signal });
      for (const error of report.errors) {
        part[error.member]?.problems.push(error.detail);
      }
      onProgress(++done, parts.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CHECKS_AT_ONCE, parts.length) }, worker));
}

/** The rows as a table, a page at a time; only those with errors at first, when there are some. */
function rowsTable(batch, onlyBad) {
  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const only = h('input', { type: 'checkbox', id: 'only-errors', checked: onlyBad });
  // id, space and origin always; the other columns where some row has a value
  const columns = COLUMNS.filter((name) => ['id', 'space', 'origin'].includes(name)
    || batch.rows.some((row) => row.member !== null && typeof row.member === 'object' && row.member[name] !== undefined));
  const wrap = h('div', {},
    h('label', {}, only, ' Only the rows with errors'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'batch-rows' },
      h('thead', {}, h('tr', {}, h('th', {}, batch.format === 'csv' ? 'Line' : 'Member'),
        columns.map((name) => h('th', { class: name === 'id' || name === 'space' || name === 'origin' ? null : 'optional' }, name)),
        h('th', {}, 'Error'))),
      body)), pager);
  let page = 1;
  const draw = () => {
    const shown = only.checked ? batch.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.problems.length)
      : batch.rows.map((row, index) => ({ row, index }));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages);
    body.replaceChildren(...shown.slice((page - 1) * PAGE, page * PAGE).map(({ row, index }) => rowLine(row, index, columns)));
    pager.replaceChildren(...[
      page > 1 ? h('button', { type: 'button', class: 'secondary', onclick: () => { page--; draw(); } }, 'Previous') : null,
      h('span', {}, 'Page ' + page + ' of ' + pages + ' (' + shown.length + ' rows)'),
      page < pages ? h('button', { type: 'button', class: 'secondary', onclick: () => { page++; draw(); } }, 'Next') : null].filter(Boolean));
  };
  only.addEventListener('change', () => { page = 1; draw(); });
  draw();
  return wrap;
}

function rowLine(row, index, columns) {
  const member = row.member !== null && typeof row.member === 'object' ? row.member : {};
  const cell = (name) => {
    const value = member[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return h('tr', { 'data-row': index, class: row.problems.length ? 'bad' : null },
    h('td', {}, row.label),
    columns.map((name) => h('td', { class: name === 'id' || name === 'space' || name === 'origin' ? null : 'optional' }, cell(name))),
    h('td', { class: 'error' }, row.problems.join(' ')));
}
