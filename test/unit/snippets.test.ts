import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lint } from '../../server/src/engine/lint';
import { expandSnippetBody } from '../../server/src/engine/snippetText';

// Compiled to out/test/unit/snippets.test.js: the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');
const SNIPPETS_DIR = path.join(ROOT, 'snippets');

/** One snippet file per source page (the five seed pages). */
const SEED_FILES = [
  'data-wrangler.code-snippets', // 000 Data Wrangler security and permissions
  'enterprise-ml-platform.code-snippets', // 001 Build a Secure Enterprise ML Platform: Permissions
  'notebook-jobs.code-snippets', // 002 Notebook jobs: set up policies and permissions
  'lake-formation.code-snippets', // 003 Studio + Lake Formation audit blog
  'studio-abac.code-snippets', // 004 Studio teams isolation with ABAC blog
];

interface RawSnippet {
  prefix?: unknown;
  body?: unknown;
  description?: unknown;
}

interface LoadedSnippet {
  file: string;
  name: string;
  prefixes: string[];
  body: string[];
  description: unknown;
}

function loadSnippets(): LoadedSnippet[] {
  const files = fs.readdirSync(SNIPPETS_DIR).filter((f) => f.endsWith('.code-snippets')).sort();
  const all: LoadedSnippet[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(SNIPPETS_DIR, file), 'utf8');
    const errors: ParseError[] = [];
    // VS Code reads snippet files as JSONC; ours stay plain JSON, so no comments nor trailing commas.
    const data = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true }) as Record<string, RawSnippet>;
    assert.deepEqual(
      errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`),
      [],
      `${file} is not valid JSON`,
    );
    assert.ok(data && typeof data === 'object' && !Array.isArray(data), `${file} must be an object of snippets`);
    for (const [name, snippet] of Object.entries(data)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      const body = Array.isArray(snippet.body) ? snippet.body : [snippet.body];
      assert.ok(prefixes.every((p) => typeof p === 'string'), `${file} › ${name}: prefix must be a string (or strings)`);
      assert.ok(body.every((l) => typeof l === 'string'), `${file} › ${name}: body must be a string or an array of strings`);
      all.push({ file, name, prefixes: prefixes as string[], body: body as string[], description: snippet.description });
    }
  }
  return all;
}

const snippets = loadSnippets();

describe('expandSnippetBody', () => {
  test('placeholders expand to their defaults and mirrors reuse them', () => {
    assert.equal(expandSnippetBody(['arn:aws:s3:::${1:amzn-s3-demo-bucket}', 'arn:aws:s3:::$1/*']), 'arn:aws:s3:::amzn-s3-demo-bucket\narn:aws:s3:::amzn-s3-demo-bucket/*');
    assert.equal(expandSnippetBody(['${2}-${1:us-east-1}-${2:111122223333}']), '111122223333-us-east-1-111122223333');
    assert.equal(expandSnippetBody(['a$3b${4}c']), 'abc');
  });

  test('nested placeholders, choices, variables and $0', () => {
    assert.equal(expandSnippetBody(['${1:arn:aws:iam::${2:111122223333}:role/${3:Admin}}']), 'arn:aws:iam::111122223333:role/Admin');
    assert.equal(expandSnippetBody(['${1|Allow,Deny|} $1']), 'Allow Allow');
    assert.equal(expandSnippetBody(['$TM_FILENAME${TM_SELECTED_TEXT:x}${CLIPBOARD/(.*)/$1/g}$0']), 'x');
    assert.equal(expandSnippetBody(['${0:end}']), 'end');
  });

  test('escapes give literal text, as IAM policy variables need', () => {
    assert.equal(expandSnippetBody(['"\\${aws:PrincipalTag/team}"']), '"${aws:PrincipalTag/team}"');
    assert.equal(expandSnippetBody(['${1:a\\}b} \\\\ \\n']), 'a}b \\ \\n');
    assert.equal(expandSnippetBody(['\\${aws:PrincipalTag/${1:team}}']), '${aws:PrincipalTag/team}');
    assert.equal(expandSnippetBody(['cost $ 5 ${ x']), 'cost $ 5 ${ x');
  });
});

describe('snippets', () => {
  test('every seed page has a snippet file with at least one snippet', () => {
    for (const file of SEED_FILES) {
      assert.ok(fs.existsSync(path.join(SNIPPETS_DIR, file)), `missing snippets/${file}`);
      assert.ok(snippets.some((s) => s.file === file), `snippets/${file} has no snippet`);
    }
  });

  test('there are at least 25 snippets', () => {
    assert.ok(snippets.length >= 25, `only ${snippets.length} snippets`);
  });

  test('prefixes start with sm- and are unique across files', () => {
    const seen = new Map<string, string>();
    for (const s of snippets) {
      assert.ok(s.prefixes.length > 0, `${s.file} › ${s.name}: no prefix`);
      for (const prefix of s.prefixes) {
        assert.match(prefix, /^sm-[a-z0-9-]+$/, `${s.file} › ${s.name}: prefix "${prefix}"`);
        const other = seen.get(prefix);
        assert.equal(other, undefined, `prefix "${prefix}" used by ${other} and ${s.file} › ${s.name}`);
        seen.set(prefix, `${s.file} › ${s.name}`);
      }
    }
  });

  test('names are unique and descriptions are not empty', () => {
    const names = new Set<string>();
    for (const s of snippets) {
      assert.ok(!names.has(s.name), `duplicate snippet name "${s.name}"`);
      names.add(s.name);
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 0, `${s.file} › ${s.name}: empty description`);
    }
  });
});

describe('snippet bodies are valid policies', () => {
  for (const s of snippets) {
    test(`${s.file} › ${s.prefixes[0]}`, () => {
      const text = expandSnippetBody(s.body);
      let policy: unknown;
      assert.doesNotThrow(() => {
        policy = JSON.parse(text);
      }, `${s.name}: expanded body is not strict JSON:\n${text}`);
      assert.ok(policy && typeof policy === 'object' && !Array.isArray(policy), `${s.name}: not a JSON object`);
      const doc = policy as Record<string, unknown>;

      // IAM grammar: Version first and current, a non-empty Statement array, nothing else at the top level but Id.
      assert.equal(Object.keys(doc)[0], 'Version', `${s.name}: Version must come first`);
      assert.equal(doc.Version, '2012-10-17', `${s.name}: Version`);
      assert.ok(Array.isArray(doc.Statement) && doc.Statement.length > 0, `${s.name}: Statement must be a non-empty array`);
      for (const key of Object.keys(doc)) assert.ok(['Version', 'Id', 'Statement'].includes(key), `${s.name}: top-level "${key}"`);
      for (const statement of doc.Statement as Record<string, unknown>[]) {
        if ('Sid' in statement) assert.match(String(statement.Sid), /^[A-Za-z0-9]+$/, `${s.name}: Sid must be alphanumeric`);
      }

      // No page placeholder left behind (<ACCOUNT_ID>, your_KMS_key_ARN, ...), S3 ARNs carry no region nor account.
      assert.doesNotMatch(text, /<[^>\n]*>/, `${s.name}: leftover <placeholder>`);
      for (const arn of text.match(/arn:aws:s3:[^"]*/g) ?? []) {
        assert.match(arn, /^arn:aws:s3:::[^:]+$/, `${s.name}: S3 ARN "${arn}" must be arn:aws:s3:::bucket[/key]`);
      }

      const result = lint(text, { strictJson: true });
      assert.notEqual(result.kind, null, `${s.name}: the engine does not recognise the body as a policy`);
      const errors = result.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => `${f.ruleId}: ${f.message} [${s.file} › ${s.name}] at ${JSON.stringify(text.slice(f.offset, f.offset + Math.min(f.length, 80)))}`),
        [],
        `${s.name}: lint errors`,
      );
    });
  }
});
