/**
 * CSV of units for bulk import (专有部分导入). Pure and streaming: feed it chunks (strings or UTF-8 bytes,
 * split anywhere — inside a quoted field, a CRLF or a multi-byte character) from an async or sync iterable,
 * and it yields one record per row as soon as the row is complete, so a CLI can send 100k rows in batches
 * with a progress bar without holding the file.
 *
 * Format: RFC 4180 fields (quoted fields may hold commas, quotes doubled as "", and line breaks; spaces are
 * data, never trimmed), UTF-8 with an optional BOM, CRLF, LF or lone CR line ends; blank lines are skipped.
 * The header row names the columns, in any order:
 *
 *   unitId,building,area,areaSource,owners,developerHeld
 *
 * `developerHeld` may be left out (all false). `owners` is `personId:name` pairs separated by `;`, split at
 * the first `:` (so a person id holds no `:` and a name no `;`); spaces around pairs and around the
 * colon are dropped, empty pairs ignored: `p-1:张三; p-2:李四`. `developerHeld` is true/false, 1/0, yes/no
 * (any case) or empty (false).
 *
 * Line numbers are 1-based physical lines (the header is line 1); a row reports the line it starts on.
 * Row syntax errors are yielded as error records and parsing goes on; a bad header, or bytes that are not
 * UTF-8, end the parse with one error record. Values are not validated here beyond what is needed to build
 * a UnitInput (area stays a string): validateUnitInputs / ImportUnits judge the rest.
 */
import { areaSources, type UnitInput } from './unitInput.js';
import type { AreaSource, OwnerInput } from './types.js';

export type CsvErrorCode =
  | 'csv_header_invalid'
  | 'csv_encoding_invalid'
  | 'csv_quote_invalid'
  | 'csv_unterminated_quote'
  | 'csv_field_count'
  | 'csv_field_too_long'
  | 'csv_owners_invalid'
  | 'csv_area_source_invalid'
  | 'csv_developer_held_invalid';

export type CsvRecord =
  | { readonly kind: 'unit'; readonly line: number; readonly unit: UnitInput }
  | { readonly kind: 'error'; readonly line: number; readonly code: CsvErrorCode; readonly message: string };

export const CSV_COLUMNS = ['unitId', 'building', 'area', 'areaSource', 'owners', 'developerHeld'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['unitId', 'building', 'area', 'areaSource', 'owners'];

/** A field longer than this is refused (and not kept in memory). */
export const MAX_CSV_FIELD_LENGTH = 16_384;

type Chunk = string | Uint8Array;

/** Parses units from raw chunks (e.g. `fs.createReadStream(path)`). */
export async function* parseUnitsCsv(source: AsyncIterable<Chunk> | Iterable<Chunk>): AsyncGenerator<CsvRecord> {
  const rows = new RowSplitter();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let header: Map<Column, number> | null = null;
  let width = 0;

  const handle = (row: RawRow): CsvRecord | 'header' | null => {
    if (header === null) {
      const parsed = parseHeader(row);
      if (typeof parsed === 'string') return error(row.line, 'csv_header_invalid', parsed);
      header = parsed;
      width = row.fields.length;
      return 'header';
    }
    if (row.problem) return error(row.line, row.problem.code, row.problem.message);
    if (row.fields.length !== width) {
      return error(row.line, 'csv_field_count', `expected ${width} fields, found ${row.fields.length}`);
    }
    return toRecord(row, header);
  };

  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      yield error(rows.line, 'csv_encoding_invalid', `the file is not valid UTF-8 (at or after line ${rows.line})`);
      return;
    }
    for (const row of rows.push(text)) {
      const out = handle(row);
      if (out === 'header' || out === null) continue;
      yield out;
      if (out.kind === 'error' && out.code === 'csv_header_invalid') return;
    }
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    yield error(rows.line, 'csv_encoding_invalid', `the file ends in the middle of a UTF-8 character (line ${rows.line})`);
    return;
  }
  for (const row of [...rows.push(tail), ...rows.end()]) {
    const out = handle(row);
    if (out === 'header' || out === null) continue;
    yield out;
    if (out.kind === 'error' && out.code === 'csv_header_invalid') return;
  }
  if (header === null) yield error(1, 'csv_header_invalid', 'the file is empty: expected a header row');
}

/** Same, from lines without their line ends (e.g. `readline`); a line end is put back after each. */
export async function* parseUnitsCsvLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  async function* withEnds() {
    for await (const line of lines) yield `${line}\n`;
  }
  yield* parseUnitsCsv(withEnds());
}

/** Units grouped for ImportUnits commands, with the CSV line of each (`lines[i]` is the line of `units[i]`). */
export interface CsvBatch {
  readonly units: readonly UnitInput[];
  readonly lines: readonly number[];
  /** Row errors met since the previous batch. */
  readonly errors: ReadonlyArray<Extract<CsvRecord, { kind: 'error' }>>;
}

/**
 * Groups parsed records into batches of at most `size` units (the last may be smaller); errors travel with
 * the batch in which they were met. A problem reported by ImportUnits at `index` is on line `lines[index]`.
 */
export async function* batchUnits(records: AsyncIterable<CsvRecord>, size: number): AsyncGenerator<CsvBatch> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batch size must be a positive integer');
  let units: UnitInput[] = [];
  let lines: number[] = [];
  let errors: Extract<CsvRecord, { kind: 'error' }>[] = [];
  for await (const record of records) {
    if (record.kind === 'error') {
      errors.push(record);
      continue;
    }
    units.push(record.unit);
    lines.push(record.line);
    if (units.length === size) {
      yield { units, lines, errors };
      units = [];
      lines = [];
      errors = [];
    }
  }
  if (units.length > 0 || errors.length > 0) yield { units, lines, errors };
}

function error(line: number, code: CsvErrorCode, message: string): Extract<CsvRecord, { kind: 'error' }> {
  return { kind: 'error', line, code, message };
}

function parseHeader(row: RawRow): Map<Column, number> | string {
  if (row.problem) return `header row: ${row.problem.message}`;
  const columns = new Map<Column, number>();
  for (const [i, raw] of row.fields.entries()) {
    const name = raw.trim();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      return `unknown column ${JSON.stringify(name)}; expected ${CSV_COLUMNS.join(',')}`;
    }
    if (columns.has(name as Column)) return `column ${name} appears twice`;
    columns.set(name as Column, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) return `missing column(s) ${missing.join(', ')}; expected ${CSV_COLUMNS.join(',')}`;
  return columns;
}

function toRecord(row: RawRow, header: Map<Column, number>): CsvRecord {
  const get = (c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : row.fields[i]!;
  };
  const areaSource = get('areaSource');
  if (!(areaSources as readonly string[]).includes(areaSource)) {
    return error(row.line, 'csv_area_source_invalid', `areaSource ${JSON.stringify(areaSource)} is not one of ${areaSources.join(', ')}`);
  }
  const developerHeld = parseBoolean(get('developerHeld'));
  if (developerHeld === null) {
    return error(row.line, 'csv_developer_held_invalid', `developerHeld ${JSON.stringify(get('developerHeld'))} is not true/false`);
  }
  const owners = parseOwners(get('owners'));
  if (typeof owners === 'string') return error(row.line, 'csv_owners_invalid', owners);
  return {
    kind: 'unit',
    line: row.line,
    unit: {
      unitId: get('unitId'),
      building: get('building'),
      area: get('area'),
      areaSource: areaSource as AreaSource,
      owners,
      developerHeld,
    },
  };
}

function parseBoolean(text: string): boolean | null {
  switch (text.trim().toLowerCase()) {
    case '':
    case 'false':
    case '0':
    case 'no':
      return false;
    case 'true':
    case '1':
    case 'yes':
      return true;
    default:
      return null;
  }
}

/** `personId:name` pairs separated by `;`; a message when a pair has no `:`. */
function parseOwners(text: string): OwnerInput[] | string {
  const owners: OwnerInput[] = [];
  for (const [i, raw] of text.split(';').entries()) {
    const pair = raw.trim();
    if (pair === '') continue;
    const colon = pair.indexOf(':');
    if (colon < 0) return `owner pair ${i + 1} is not personId:name`;
    owners.push({ personId: pair.slice(0, colon).trim(), name: pair.slice(colon + 1).trim() });
  }
  return owners;
}

interface RawRow {
  readonly line: number;
  readonly fields: string[];
  readonly problem: { readonly code: CsvErrorCode; readonly message: string } | null;
}

type Mode = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * The RFC 4180 state machine, fed text in pieces. State survives between pieces, so a piece may end
 * anywhere. Line numbers count LF, CRLF and lone CR once each, inside quotes too.
 */
class RowSplitter {
  /** The physical line the next character is on. */
  line = 1;
  private mode: Mode = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private rowLine = 1;
  private problem: RawRow['problem'] = null;
  private afterCR = false;
  private atStart = true;

  *push(text: string): Generator<RawRow> {
    let i = 0;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      const wasCR = this.afterCR;
      this.afterCR = c === '\r';
      if (c === '\n' && wasCR) {
        // Second half of a CRLF: the line was counted, and any row ended, at the CR.
        if (this.mode === 'quoted') this.append(c);
        continue;
      }
      const lineBreak = c === '\n' || c === '\r';
      switch (this.mode) {
        case 'fieldStart':
        case 'unquoted':
          if (c === ',') {
            this.endField();
          } else if (lineBreak) {
            const row = this.endRow();
            this.line++;
            this.rowLine = this.line;
            if (row) yield row;
          } else if (c === '"' && this.mode === 'fieldStart') {
            this.mode = 'quoted';
          } else {
            if (c === '"') this.flag('csv_quote_invalid', 'a quote inside an unquoted field; quote the whole field and double the quote');
            this.append(c);
            this.mode = 'unquoted';
          }
          break;
        case 'quoted':
          if (c === '"') this.mode = 'quoteInQuoted';
          else {
            if (lineBreak) this.line++;
            this.append(c);
          }
          break;
        case 'quoteInQuoted':
          if (c === '"') {
            this.append('"');
            this.mode = 'quoted';
          } else if (c === ',') {
            this.endField();
          } else if (lineBreak) {
            const row = this.endRow();
            this.line++;
            this.rowLine = this.line;
            if (row) yield row;
          } else {
            this.flag('csv_quote_invalid', 'text after the closing quote of a quoted field');
            this.append(c);
            this.mode = 'unquoted';
          }
          break;
      }
    }
  }

  /** End of input: the last row, if the file does not end with a line break. */
  *end(): Generator<RawRow> {
    if (this.mode === 'quoted') {
      this.flag('csv_unterminated_quote', `a quoted field opened on line ${this.rowLine} is never closed`);
    }
    const row = this.endRow();
    if (row) yield row;
  }

  private append(c: string): void {
    if (this.field.length >= MAX_CSV_FIELD_LENGTH) {
      this.flag('csv_field_too_long', `a field is longer than ${MAX_CSV_FIELD_LENGTH} characters`);
      return;
    }
    this.field += c;
  }

  private flag(code: CsvErrorCode, message: string): void {
    if (!this.problem) this.problem = { code, message };
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.mode = 'fieldStart';
  }

  /** The finished row, or null for a blank line. */
  private endRow(): RawRow | null {
    const blank = this.fields.length === 0 && this.field === '' && this.mode === 'fieldStart' && !this.problem;
    this.endField();
    const row: RawRow = { line: this.rowLine, fields: this.fields, problem: this.problem };
    this.fields = [];
    this.problem = null;
    return blank ? null : row;
  }
}
