// A batch as a person prepares it: a CSV with a header row, or the JSON Hydra Collection the API
// takes, read into the members the queue takes. Only the file's own form is checked here (its
// quoting, its header, its size); whether a member is right is the server's to say, through the
// queue's dry run, so that the rules live in one place.

/** The columns a CSV may have; space and origin it must have. */
export const COLUMNS = ['id', 'space', 'origin', 'string1', 'string2', 'string3', 'number1', 'number2', 'number3', 'tags'];
const REQUIRED = ['space', 'origin'];
/** Bounds that keep a mistaken file from taking the browser's memory. */
export const MAX_CHARACTERS = 32 * 1024 * 1024;
export const MAX_ROWS = 100000;

/** A fault of the whole file (not of one row), with where it is where that is known. */
export class BatchFileError extends Error {}

/**
 * The rows of a batch: each with its label as a person finds it (a CSV's line, a JSON member's
 * place), the member to send, and the problems found so far (a CSV row with too many cells).
 */
export function readBatch(text) {
  if (text.length > MAX_CHARACTERS) {
    throw new BatchFileError('The batch is ' + text.length + ' characters long; at most ' + MAX_CHARACTERS
      + ' are read here. Split it into smaller files.');
  }
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart().charAt(0);
  const batch = first === '{' || first === '[' ? fromJson(body) : fromCsv(body);
  if (batch.rows.length === 0) {
    throw new BatchFileError(batch.format === 'csv' ? 'The CSV has a header but no rows.' : 'The collection has no members.');
  }
  if (batch.rows.length > MAX_ROWS) {
    throw new BatchFileError('The batch has ' + batch.rows.length + ' rows; at most ' + MAX_ROWS
      + ' are sent from here at once. Split it into smaller files.');
  }
  return batch;
}

function fromJson(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new BatchFileError('This is not valid JSON: ' + error.message);
  }
  const type = body && body['@type'];
  if (Array.isArray(body) || typeof body !== 'object' || body === null || !Array.isArray(body.member)
      || (type !== undefined && type !== 'Collection' && type !== 'hydra:Collection')) {
    throw new BatchFileError('JSON must be a Hydra Collection: {"@type": "Collection", "member": [{"id": ..., "space": ...,'
      + ' "origin": ...}, ...]}.');
  }
  return { format: 'json', rows: body.member.map((member, index) => ({ label: 'member ' + index, member, problems: [] })) };
}

function fromCsv(text) {
  const records = csvRecords(text).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  if (records.length === 0) {
    throw new BatchFileError('The CSV is empty: give a header row (' + COLUMNS.join(', ') + ') and a row per image.');
  }
  const header = records[0].cells.map((name) => name.trim().toLowerCase());
  const unknown = header.filter((name) => !COLUMNS.includes(name));
  if (unknown.length > 0) {
    throw new BatchFileError('Line ' + records[0].line + ': the header names ' + unknown.map((n) => '"' + n + '"').join(', ')
      + ', which is not a column here. The columns are ' + COLUMNS.join(', ') + '.');
  }
  const twice = header.filter((name, i) => header.indexOf(name) !== i);
  if (twice.length > 0) {
    throw new BatchFileError('Line ' + records[0].line + ': the header names ' + twice[0] + ' twice.');
  }
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new BatchFileError('Line ' + records[0].line + ': the header has no ' + missing.join(' or ')
      + ' column. The columns are ' + COLUMNS.join(', ') + '.');
  }
  const rows = [];
  for (const record of records.slice(1)) {
    const problems = record.cells.length > header.length
      ? ['This row has ' + record.cells.length + ' cells; the header has ' + header.length + '. A value with a comma'
        + ' needs quotes: "a, b".'] : [];
    rows.push({ label: 'line ' + record.line, member: member(header, record.cells), problems });
  }
  return { format: 'csv', rows };
}

/** The member a CSV row stands for: empty cells left out, numbers as numbers, tags split on ;. */
function member(header, cells) {
  const result = {};
  header.forEach((name, i) => {
    const value = (cells[i] || '').trim();
    if (value === '') return;
    if (name === 'tags') {
      result.tags = value.split(';').map((tag) => tag.trim()).filter(Boolean);
    } else if ((name === 'space' || name.startsWith('number')) && /^-?[0-9]{1,15}$/.test(value)) {
      result[name] = Number(value);
    } else {
      result[name] = value;
    }
  });
  return result;
}

/**
 * The records of a CSV (RFC 4180: commas, fields in double quotes where they hold a comma, a
 * quote or a line break, a quote in a quoted field doubled), each with the line it starts on.
 */
const PLAIN = /[^",\r\n]+/y;

export function csvRecords(text) {
  const records = [];
  let cells = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let i = 0;
  const end = () => { cells.push(cell); cell = ''; };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell.trim() === '') {
      const opened = line;
      cell = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new BatchFileError('Line ' + opened + ': a quoted value is not closed; end it with a double quote.');
        }
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
          cell += text[i++];
        }
      }
      const after = /^[ \t]*/.exec(text.substring(i, i + 100))[0].length;
      i += after;
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new BatchFileError('Line ' + line + ': something follows a quoted value before the next comma;'
          + ' a quote inside a value is written twice ("").');
      }
      continue;
    }
    if (c === '"') {
      throw new BatchFileError('Line ' + line + ': a double quote inside a value that does not start with one;'
        + ' put the whole value in quotes and write the quote twice ("").');
    }
    if (c === ',') {
      end();
      i++;
    } else if (c === '\n' || c === '\r') {
      end();
      records.push({ line: start, cells });
      cells = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
    } else {
      PLAIN.lastIndex = i;
      const run = PLAIN.exec(text)[0];
      cell += run;
      i += run.length;
    }
  }
  if (cell !== '' || cells.length > 0) {
    end();
    records.push({ line: start, cells });
  }
  return records;
}

/** The rows split into batches of at most size members, in order. */
export function chunks(rows, size) {
  const result = [];
  for (let from = 0; from < rows.length; from += size) {
    result.push(rows.slice(from, from + size));
  }
  return result;
}

/**
 * Ids given twice in one space by rows that go in different batches: the server sees one batch
 * at a time, so these it cannot see. Each later row is given the problem (in the server's words).
 */
export function duplicatesAcrossBatches(rows, size) {
  const seen = new Map();
  rows.forEach((row, index) => {
    const { id, space } = row.member || {};
    if (typeof id !== 'string' || (typeof space !== 'number' && typeof space !== 'string')) return;
    const key = String(space) + '/' + id;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
    } else if (Math.floor(earlier / size) !== Math.floor(index / size)) {
      row.problems.push('The id \'' + id + '\' appears twice in space ' + space + ' (' + rows[earlier].label
        + ' has it too); ids must be unique within a space.');
    }
  });
}
