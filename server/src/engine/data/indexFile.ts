/**
 * Reads the generated iam-index.json in two steps: its top-level fields at once, and each service only when
 * that service is first used. A process that lints one small policy (the CLI in a pre-commit hook, the
 * language server's first document) touches a handful of the ~450 services, and parsing all of them was the
 * largest part of its start-up (about 20 ms of reading and 20 ms of JSON.parse for 2.3 MB).
 *
 * The layout this relies on is written by scripts/generate-iam-data.mjs: the file is ASCII, and the member
 * holding the per-service records comes last, one `"prefix":{...}` per line. A file laid out any other way
 * (reformatted by hand, say) is still read, whole, by JSON.parse: the answers are the same, only slower.
 */
import { readFileSync } from 'node:fs';

export interface LineIndexedFile<Head, Record> {
  /** The top-level members before the per-line one. */
  head: Head;
  /** The per-line member's keys, in file order. */
  keys: readonly string[];
  /** The record of `key` (one of `keys`), parsed on each call: callers keep what they build from it. */
  record(key: string): Record | undefined;
  /** Read line by line as described above; false when the file was laid out otherwise and parsed whole. */
  byLine: boolean;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE = 0x7d; // }
/** A key the generator writes without escapes (service prefixes): anything else means "not our layout". */
const PLAIN_KEY = /^[A-Za-z0-9._-]+$/;

export function readLineIndexedFile<Head, Record>(path: string, member: string): LineIndexedFile<Head, Record> {
  return splitLineIndexed<Head, Record>(readFileSync(path), member);
}

/** `bytes` split as described above, or parsed whole when they are not laid out that way. */
export function splitLineIndexed<Head, Record>(bytes: Buffer, member: string): LineIndexedFile<Head, Record> {
  return splitByLines<Head, Record>(bytes, member) ?? parsedWhole<Head, Record>(bytes, member);
}

function splitByLines<Head, Record>(bytes: Buffer, member: string): LineIndexedFile<Head, Record> | undefined {
  const opening = Buffer.from(`\n${JSON.stringify(member)}:{\n`);
  const at = bytes.indexOf(opening);
  // The members before it end with a comma: `{\n"a":1,\n"b":2,` + `}` is the head as an object of its own.
  if (at < 2 || bytes[at - 1] !== COMMA) return undefined;
  let head: Head;
  try {
    head = JSON.parse(`${bytes.toString('utf8', 0, at - 1)}}`) as Head;
  } catch {
    return undefined;
  }
  const ranges = new Map<string, [start: number, end: number]>();
  let start = at + opening.length;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) return undefined;
    // The member closes on a line of its own, and the file after it: a member after this one is not ours.
    if (end === start + 1 && bytes[start] === CLOSE) {
      if (bytes.toString('latin1', end + 1).trim() !== '}') return undefined;
      break;
    }
    if (bytes[start] !== QUOTE) return undefined;
    const close = bytes.indexOf(QUOTE, start + 1);
    if (close < 0 || close > end || bytes[close + 1] !== COLON) return undefined;
    const key = bytes.toString('latin1', start + 1, close);
    if (!PLAIN_KEY.test(key) || ranges.has(key)) return undefined;
    const valueEnd = bytes[end - 1] === COMMA ? end - 1 : end;
    // A whole record on the line: it opens and closes with the same kind of bracket (or quote).
    if (!closes(bytes[close + 2], bytes[valueEnd - 1])) return undefined;
    ranges.set(key, [close + 2, valueEnd]);
    start = end + 1;
  }
  let whole: LineIndexedFile<Head, Record> | undefined;
  return {
    head,
    keys: [...ranges.keys()],
    byLine: true,
    record(key) {
      const range = ranges.get(key);
      if (!range) return undefined;
      try {
        return JSON.parse(bytes.toString('utf8', range[0], range[1])) as Record;
      } catch {
        // A line that only looked whole: the file as a whole still says what the record is.
        return (whole ??= parsedWhole<Head, Record>(bytes, member)).record(key);
      }
    },
  };
}

const PAIRS: { [open: number]: number } = { 0x7b: 0x7d, 0x5b: 0x5d, 0x22: 0x22 }; // {} [] ""

function closes(open: number, close: number): boolean {
  return PAIRS[open] !== undefined && PAIRS[open] === close;
}

function parsedWhole<Head, Record>(bytes: Buffer, member: string): LineIndexedFile<Head, Record> {
  const whole = JSON.parse(bytes.toString('utf8')) as { [name: string]: unknown };
  const records = (whole[member] ?? {}) as { [key: string]: Record };
  const head = { ...whole };
  delete head[member];
  return {
    head: head as Head,
    keys: Object.keys(records),
    byLine: false,
    record: (key) => (Object.prototype.hasOwnProperty.call(records, key) ? records[key] : undefined),
  };
}
