import t from 'tap';
import { fold } from '../../../domain/shared/decider.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import {
  batchUnits,
  parseUnitsCsv,
  parseUnitsCsvLines,
  registryDecider,
  type CsvRecord,
  type UnitProblem,
} from '../../../domain/registry/index.js';

const HEADER = 'unitId,building,area,areaSource,owners,developerHeld';

async function collect(source: AsyncIterable<CsvRecord>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of source) out.push(r);
  return out;
}
const parse = (...chunks: Array<string | Uint8Array>) => collect(parseUnitsCsv(chunks));
const errors = (records: CsvRecord[]) => records.filter((r) => r.kind === 'error').map((r) => r.kind === 'error' && [r.line, r.code]);
const units = (records: CsvRecord[]) => records.flatMap((r) => (r.kind === 'unit' ? [r] : []));

t.test('a plain file', async (t) => {
  const records = await parse(
    `${HEADER}\n1-1-101,1,88.5,registry,p1:张三,false\n1-1-102,1,120.0325,survey,p2:李四;p3:王五,\n1-1-103,1,75,contract,,true\n`,
  );
  t.same(records, [
    {
      kind: 'unit',
      line: 2,
      unit: { unitId: '1-1-101', building: '1', area: '88.5', areaSource: 'registry', owners: [{ personId: 'p1', name: '张三' }], developerHeld: false },
    },
    {
      kind: 'unit',
      line: 3,
      unit: {
        unitId: '1-1-102',
        building: '1',
        area: '120.0325',
        areaSource: 'survey',
        owners: [
          { personId: 'p2', name: '李四' },
          { personId: 'p3', name: '王五' },
        ],
        developerHeld: false,
      },
    },
    { kind: 'unit', line: 4, unit: { unitId: '1-1-103', building: '1', area: '75', areaSource: 'contract', owners: [], developerHeld: true } },
  ]);
});

t.test('BOM, CRLF, no final line end, blank lines', async (t) => {
  const records = await parse(`\uFEFF${HEADER}\r\n\r\n1-1-101,1,88.5,registry,p1:张三,0\r\n\r\n1-1-102,1,90,registry,p2:李四,no`);
  t.same(units(records).map((r) => [r.line, r.unit.unitId]), [
    [3, '1-1-101'],
    [5, '1-1-102'],
  ]);
  t.same(errors(records), []);
});

t.test('a BOM given as bytes', async (t) => {
  const bytes = new TextEncoder().encode(`\uFEFF${HEADER}\n1-1-101,1,88.5,registry,p1:张三,\n`);
  t.equal(bytes[0], 0xef);
  const records = await parse(bytes);
  t.same(errors(records), []);
  t.equal(units(records)[0]?.unit.unitId, '1-1-101');
});

t.test('lone CR line ends', async (t) => {
  const records = await parse(`${HEADER}\r1-1-101,1,88.5,registry,p1:a,\r1-1-102,1,88.5,registry,p2:b,\r`);
  t.same(units(records).map((r) => r.line), [2, 3]);
});

t.test('quoted fields: commas, doubled quotes, line breaks; line numbers follow physical lines', async (t) => {
  const text = [
    HEADER,
    '1-1-101,"1",88.5,registry,"p1:张三, 大名;p2:李""小""四",false',
    '1-1-102,1,90,registry,"p3:multi',
    'line name",false',
    '1-1-103,1,91,registry,"p4:x\r\ny",""',
    '1-1-104,1,92,registry,p5:z,',
  ].join('\n');
  const records = await parse(text);
  t.same(errors(records), []);
  const u = units(records);
  t.same(u.map((r) => r.line), [2, 3, 5, 7]);
  t.same(u[0]!.unit.owners, [
    { personId: 'p1', name: '张三, 大名' },
    { personId: 'p2', name: '李"小"四' },
  ]);
  t.same(u[1]!.unit.owners, [{ personId: 'p3', name: 'multi\nline name' }]);
  t.same(u[2]!.unit.owners, [{ personId: 'p4', name: 'x\r\ny' }]);
  t.equal(u[2]!.unit.developerHeld, false, 'a quoted empty developerHeld is false');
});

t.test('spaces are data (RFC 4180), except around owner pairs', async (t) => {
  const records = await parse(`${HEADER}\n 1-1-101 ,1, 88.5,registry, p1 : 张三 ; ; p2:李四 ;, TRUE \n`);
  const [r] = units(records);
  t.equal(r!.unit.unitId, ' 1-1-101 ', 'kept; ImportUnits will refuse it with unit_id_invalid');
  t.equal(r!.unit.area, ' 88.5');
  t.same(r!.unit.owners, [
    { personId: 'p1', name: '张三' },
    { personId: 'p2', name: '李四' },
  ]);
  t.equal(r!.unit.developerHeld, true);
});

t.test('a name may hold a colon: split at the first one', async (t) => {
  const [r] = units(await parse(`${HEADER}\n1,1,1,registry,p1:Ltd: Branch,\n`));
  t.same(r!.unit.owners, [{ personId: 'p1', name: 'Ltd: Branch' }]);
});

t.test('columns in any order; developerHeld may be left out', async (t) => {
  const records = await parse('owners,area,unitId,building,areaSource\np1:a,88.5,1-1-101,1,registry\n');
  t.same(units(records)[0]?.unit, { unitId: '1-1-101', building: '1', area: '88.5', areaSource: 'registry', owners: [{ personId: 'p1', name: 'a' }], developerHeld: false });
});

t.test('row errors name their line and parsing goes on', async (t) => {
  const text = [
    HEADER, // 1
    '1-1-101,1,88.5,registry,p1:a', // 2: five fields
    '1-1-102,1,88.5,registry,p2:a,false,extra', // 3: seven fields
    '1-1-103,1,88.5,estimate,p3:a,false', // 4
    '1-1-104,1,88.5,registry,p4:a,maybe', // 5
    '1-1-105,1,88.5,registry,p5,false', // 6: pair without a colon
    '1-1-1"06,1,88.5,registry,p6:a,false', // 7: quote in an unquoted field
    '"1-1-107"x,1,88.5,registry,p7:a,false', // 8: text after the closing quote
    '1-1-108,1,88.5,registry,p8:a,false', // 9: fine
    '1-1-109,1,88.5,registry,"p9:a', // 10: never closed
    'more', // 11
  ].join('\n');
  const records = await parse(text);
  t.same(errors(records), [
    [2, 'csv_field_count'],
    [3, 'csv_field_count'],
    [4, 'csv_area_source_invalid'],
    [5, 'csv_developer_held_invalid'],
    [6, 'csv_owners_invalid'],
    [7, 'csv_quote_invalid'],
    [8, 'csv_quote_invalid'],
    [10, 'csv_unterminated_quote'],
  ]);
  t.same(units(records).map((r) => r.line), [9]);
  for (const r of records) if (r.kind === 'error') t.ok(r.message.length > 0);
});

t.test('header problems end the parse', async (t) => {
  const cases: Array<[string, string]> = [
    ['unitId,building,area,areaSource,onwers,developerHeld\n1,1,1,registry,p:a,\n', 'unknown column'],
    ['unitId,building,area,areaSource\n', 'missing column'],
    ['unitId,building,area,areaSource,owners,owners\n', 'twice'],
    ['', 'empty'],
    ['\n\n', 'empty'],
  ];
  for (const [text, message] of cases) {
    const records = await parse(text);
    t.equal(records.length, 1, JSON.stringify(text));
    t.match(records[0], { kind: 'error', line: 1, code: 'csv_header_invalid', message: new RegExp(message) });
  }
});

t.test('bytes that are not UTF-8', async (t) => {
  const head = new TextEncoder().encode(`${HEADER}\n1-1-101,1,88.5,registry,p1:a,\n`);
  const records = await parse(head, new Uint8Array([0x31, 0x2c, 0xff, 0xfe, 0x0a]));
  t.same(units(records).map((r) => r.line), [2]);
  t.match(records.at(-1), { kind: 'error', code: 'csv_encoding_invalid', line: 3 });
  const truncated = await parse(new TextEncoder().encode(`${HEADER}\n1-1-101,1,88.5,registry,p1:张`).slice(0, -1));
  t.match(truncated.at(-1), { kind: 'error', code: 'csv_encoding_invalid' });
});

t.test('a very long field is refused without being kept', async (t) => {
  const records = await parse(`${HEADER}\n1-1-101,1,88.5,registry,"p1:${'长'.repeat(20_000)}",\n1-1-102,1,1,registry,p:a,\n`);
  t.same(errors(records), [[2, 'csv_field_too_long']]);
  t.same(units(records).map((r) => r.line), [3]);
});

t.test('chunks may split anywhere: characters, CRLF, quotes, UTF-8 sequences', async (t) => {
  const text = `\uFEFF${HEADER}\r\n1-1-101,1,88.5,registry,"p1:张""三"",\r\n 名;p2:𠀀李",false\r\n1-1-102,楼A,1,survey,,true\r\n`;
  const whole = await parse(text);
  t.same(errors(whole), []);
  t.same(units(whole).map((r) => [r.line, r.unit.owners]), [
    [2, [{ personId: 'p1', name: '张"三",\r\n 名' }, { personId: 'p2', name: '𠀀李' }]],
    [4, []],
  ]);
  // Every split of the text into two string chunks.
  for (let i = 0; i <= text.length; i++) {
    t.same(await parse(text.slice(0, i), text.slice(i)), whole, `string split at ${i}`);
  }
  // One chunk per byte.
  const bytes = new TextEncoder().encode(text);
  t.same(await parse(...Array.from(bytes, (b) => new Uint8Array([b]))), whole, 'byte by byte');
  // Every split of the bytes into two chunks.
  for (let i = 0; i <= bytes.length; i++) {
    t.same(await parse(bytes.slice(0, i), bytes.slice(i)), whole, `byte split at ${i}`);
  }
});

t.test('lines without their ends (readline)', async (t) => {
  const lines = [HEADER, '1-1-101,1,88.5,registry,"p1:two', 'lines",', '1-1-102,1,90,registry,p2:b,'];
  const records = await collect(parseUnitsCsvLines(lines));
  t.same(units(records).map((r) => [r.line, r.unit.owners[0]?.name]), [
    [2, 'two\nlines'],
    [4, 'b'],
  ]);
});

t.test('batches map decider problems back to CSV lines', async (t) => {
  const text = [
    HEADER,
    '1-1-101,1,88.5,registry,p1:a,',
    '1-1-102,1,0,registry,p2:b,', // zero area: the decider's problem, found at index 1
    'bad row',
    '1-1-103,1,70,registry,p3:c,',
    '1-1-104,1,70,registry,p4:d,',
  ].join('\n');
  const batches = [];
  for await (const b of batchUnits(parseUnitsCsv([text]), 2)) batches.push(b);
  t.same(batches.map((b) => [b.units.length, b.lines, b.errors.map((e) => e.line)]), [
    [2, [2, 3], []],
    [2, [5, 6], [4]],
  ]);
  const state = fold(registryDecider, [
    { type: 'CompoundRegistered', data: { compoundId: 'c', name: 'n', address: 'a', jurisdiction: 'national' } },
  ]);
  const result = registryDecider.decide({ type: 'ImportUnits', data: { units: batches[0]!.units } }, state, {
    now: new Date(0),
    newId: () => 'x',
    actor: { personId: 'a', role: 'admin' },
  });
  t.ok(isDomainError(result));
  if (isDomainError(result)) {
    const [problem] = (result.details as { errors: UnitProblem[] }).errors;
    t.equal(batches[0]!.lines[problem!.index], 3);
    t.equal(problem!.code, 'area_not_positive');
  }
  await t.rejects(async () => {
    for await (const _ of batchUnits(parseUnitsCsv([text]), 0));
  }, RangeError);
});

t.test('100,000 rows stream through in batches', async (t) => {
  async function* file() {
    yield `${HEADER}\n`;
    for (let i = 0; i < 100_000; i += 1000) {
      let chunk = '';
      for (let j = i; j < i + 1000; j++) chunk += `${1 + (j % 30)}-1-${j},${1 + (j % 30)},${50 + (j % 100)}.25,registry,p${j}:"名${j}",\n`;
      yield new TextEncoder().encode(chunk);
    }
  }
  // Names with a quote in an unquoted field are row errors: exercise both paths.
  let unitsSeen = 0;
  let errorsSeen = 0;
  let batches = 0;
  for await (const b of batchUnits(parseUnitsCsv(file()), 5_000)) {
    batches++;
    unitsSeen += b.units.length;
    errorsSeen += b.errors.length;
  }
  t.equal(unitsSeen + errorsSeen, 100_000);
  t.equal(errorsSeen, 100_000, 'every row has a stray quote');
  async function* clean() {
    yield `${HEADER}\n`;
    for (let i = 0; i < 100_000; i += 1000) {
      let chunk = '';
      for (let j = i; j < i + 1000; j++) chunk += `${1 + (j % 30)}-1-${j},${1 + (j % 30)},${50 + (j % 100)}.25,registry,p${j}:名${j},\n`;
      yield chunk;
    }
  }
  unitsSeen = 0;
  batches = 0;
  let lastLine = 0;
  for await (const b of batchUnits(parseUnitsCsv(clean()), 5_000)) {
    batches++;
    unitsSeen += b.units.length;
    t.equal(b.errors.length, 0);
    lastLine = b.lines.at(-1)!;
  }
  t.equal(unitsSeen, 100_000);
  t.equal(batches, 20);
  t.equal(lastLine, 100_001);
});
