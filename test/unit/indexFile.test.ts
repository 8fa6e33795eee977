import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLineIndexed } from '../../server/src/engine/data/indexFile';
import { DESCRIPTIONS_FILE, findDataDirectory, INDEX_FILE } from '../../server/src/engine/data/reference';

const dataDirectory = findDataDirectory(__dirname);

/** What JSON.parse of the whole file says, split the same way. */
function parsedWhole(bytes: Buffer, member: string) {
  const whole = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  const { [member]: records, ...head } = whole;
  return { head, records: records as Record<string, unknown> };
}

for (const [file, member] of [
  [INDEX_FILE, 'services'],
  [DESCRIPTIONS_FILE, 'actions'],
] as const) {
  test(`${file}: ASCII, read line by line, every answer the same as JSON.parse of the whole file`, () => {
    const bytes = readFileSync(join(dataDirectory, file));
    assert.ok(bytes.every((b) => b < 0x80), 'the generator writes non-ASCII characters as \\u escapes');
    const split = splitLineIndexed<Record<string, unknown>, unknown>(bytes, member);
    assert.equal(split.byLine, true, 'the layout indexFile.ts relies on (the generator writes it)');
    const expected = parsedWhole(bytes, member);
    assert.deepEqual(split.head, expected.head);
    assert.deepEqual(split.keys, Object.keys(expected.records));
    for (const key of split.keys) assert.deepEqual(split.record(key), expected.records[key], key);
    assert.equal(split.record('no-such-service'), undefined);
  });
}

const SAMPLE = { generated: 'x', source: { version: '1' }, services: { a: { n: 'A', c: {} }, 'b-2': { n: 'B \u2014 two', c: { 'b-2:k': 'String' } } } };

/** The generator's layout: one member per line, the per-line member last with one record per line. */
function lineLayout(data: typeof SAMPLE): string {
  const { services, ...head } = data;
  const members = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const rows = Object.entries(services).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${members.join(',\n')},\n"services":{\n${rows.join(',\n')}\n}\n}\n`;
}

test('a file in the generator layout is read line by line', () => {
  const split = splitLineIndexed<object, unknown>(Buffer.from(lineLayout(SAMPLE)), 'services');
  assert.equal(split.byLine, true);
  assert.deepEqual(split.head, { generated: 'x', source: { version: '1' } });
  assert.deepEqual(split.keys, ['a', 'b-2']);
  assert.deepEqual(split.record('b-2'), SAMPLE.services['b-2']);
});

test('a file laid out otherwise is parsed whole, with the same answers', () => {
  const layouts = {
    'pretty-printed': JSON.stringify(SAMPLE, null, 2),
    'one line': JSON.stringify(SAMPLE),
    'a member after the per-line one': lineLayout(SAMPLE).replace(/\n\}\n$/, ',\n"after":1\n}\n'),
    'a record split over two lines': lineLayout(SAMPLE).replace('"n":"A",', '"n":"A",\n'),
    'CRLF line ends': lineLayout(SAMPLE).replace(/\n/g, '\r\n'),
  };
  for (const [name, text] of Object.entries(layouts)) {
    const split = splitLineIndexed<Record<string, unknown>, unknown>(Buffer.from(text), 'services');
    assert.equal(split.byLine, false, name);
    const expected = parsedWhole(Buffer.from(text), 'services');
    assert.deepEqual(split.head, expected.head, name);
    assert.deepEqual(split.keys, ['a', 'b-2'], name);
    assert.deepEqual(split.record('b-2'), SAMPLE.services['b-2'], name);
  }
});

test('a record whose line only looks whole is read from the whole file', () => {
  // Record "a" spans two lines that each open and close with a brace: the split takes them for records "a" and "n".
  const text = lineLayout(SAMPLE).replace('"a":{"n":"A","c":{}}', '"a":{"c":{},\n"n":{}}');
  assert.deepEqual(JSON.parse(text).services.a, { c: {}, n: {} });
  const split = splitLineIndexed<object, unknown>(Buffer.from(text), 'services');
  assert.equal(split.byLine, true);
  assert.deepEqual(split.record('a'), { c: {}, n: {} });
  assert.equal(split.record('n'), undefined);
  assert.deepEqual(split.record('b-2'), SAMPLE.services['b-2']);
});
