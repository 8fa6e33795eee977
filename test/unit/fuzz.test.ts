import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { complete } from '../../server/src/engine/completion';
import { hover } from '../../server/src/engine/hover';
import { IncrementalLinter } from '../../server/src/engine/incremental';
import { lint } from '../../server/src/engine/lint';
import { plainResult, seedPolicies } from './helpers';
import { POLICY_KINDS, type LintOptions } from '../../server/src/engine/types';

// Robustness of the engine on hostile input: lint, hover and complete never throw, no rule throws
// (a throwing rule is swallowed by runRules, so it is asserted through hooks.onRuleError), and every
// range they return (findings, fix edits, hover and completion ranges) stays inside the document.
//
// Fixed seed and bounded runs (the file takes well under 20 s). `npm run fuzz` runs it longer:
// FUZZ_RUNS=<runs per property> FUZZ_SEED=<seed>; a failure prints the seed and path to replay it.

const SEED = Number(process.env.FUZZ_SEED ?? 20260523);
const runs = (n: number): number => (process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : n);
const params = (n: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs(n), endOnFailure: false });

/** Every snippet expanded with its defaults: real, varied SageMaker policies. */
const SEEDS = seedPolicies();

function assertInside(text: string, offset: number, length: number, what: string): void {
  assert.ok(Number.isInteger(offset) && Number.isInteger(length), `${what}: non-integer range ${offset}+${length}`);
  assert.ok(offset >= 0 && length >= 0 && offset + length <= text.length, `${what}: range ${offset}+${length} outside a document of ${text.length}`);
}

/** Error messages can quote a megabyte of input. */
const clip = (s: string): string => s.replace(/(.{1,4}?)\1{20,}/g, (run, c: string) => `${c.repeat(5)}<...${run.length / c.length} x ${JSON.stringify(c)}>`).slice(0, 2000);

/** Runs lint, then hover and complete at each offset, and checks every range they return. */
function check(text: string, options: LintOptions = {}, offsets: number[] = []): ReturnType<typeof lint> {
  const ruleErrors: string[] = [];
  const result = lint(text, options, {
    onRuleError: (id, e) => {
      ruleErrors.push(clip(`${id}: ${e instanceof Error ? e.stack : String(e)}`));
    },
  });
  assert.deepEqual(ruleErrors, [], 'a rule threw');
  if (result.kind === null) assert.equal(result.findings.length, 0, 'a non-policy document has findings');
  for (const f of result.findings) {
    assertInside(text, f.offset, f.length, `finding ${f.ruleId}`);
    for (const fix of f.fixes) for (const e of fix.edits) assertInside(text, e.offset, e.length, `fix "${fix.title}" of ${f.ruleId}`);
  }
  for (const raw of [0, text.length, ...offsets]) {
    const offset = Math.min(Math.max(0, raw), text.length);
    const h = hover(text, offset, options);
    if (h) {
      assert.equal(typeof h.markdown, 'string');
      assertInside(text, h.offset, h.length, `hover at ${offset}`);
    }
    const c = complete(text, offset, options);
    if (c) {
      assertInside(text, c.offset, c.length, `completion at ${offset}`);
      for (const item of c.items) assert.equal(typeof item.insertText, 'string');
    }
  }
  return result;
}

const optionsArb: fc.Arbitrary<LintOptions> = fc.record({
  kind: fc.option(fc.constantFrom(...POLICY_KINDS), { nil: undefined }),
  strictJson: fc.boolean(),
});
const offsetsArb = fc.array(fc.nat(), { maxLength: 4 });
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Pieces of policy syntax, so that random text is often almost a policy. */
const TOKENS = [
  '{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\r\n', '\t', '\\', '/', '//', '/*', '*/', '*', '?', '${', '}', '\uFEFF', '\uD800', '\uDC00',
  '"Version"', '"2012-10-17"', '"Statement"', '"Sid"', '"Effect"', '"Allow"', '"Deny"', '"Action"', '"NotAction"', '"Resource"',
  '"NotResource"', '"Principal"', '"NotPrincipal"', '"Condition"', '"StringEquals"', '"ForAnyValue:StringLike"', '"Bool"', '"Null"',
  '"IpAddress"', '"ArnLike"', '"aws:SourceIp"', '"aws:ResourceTag/team"', '"${aws:PrincipalTag/team}"', '"sagemaker:*"', '"*"',
  '"iam:PassRole"', '"sagemaker:CreatePresignedDomainUrl"', '"arn:aws:s3:::bucket/*"', '"arn:aws:sagemaker:*:*:user-profile/*/*"',
  '"AWS"', '"Service"', '"sagemaker.amazonaws.com"', '"10.0.0.0/8"', 'true', 'false', 'null', '0', '-1.5e3', '"true"', '""',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(''));

type Mutation =
  | { op: 'flip'; at: number; ch: string }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'delete'; from: number; length: number }
  | { op: 'insert'; at: number; token: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.oneof(codeUnit, fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '*', '\\')) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), from: fc.nat(), length: fc.nat({ max: 400 }), to: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), from: fc.nat(), length: fc.nat({ max: 60 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
);

function mutate(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.op) {
    case 'flip': {
      const i = at(m.at);
      return text.slice(0, i) + m.ch + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'duplicate': {
      const from = at(m.from);
      const slice = text.slice(from, from + m.length);
      const to = at(m.to);
      return text.slice(0, to) + slice + text.slice(to);
    }
    case 'delete': {
      const from = at(m.from);
      return text.slice(0, from) + text.slice(from + m.length);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.token + text.slice(i);
    }
  }
}

const seedArb = fc.constantFrom(...SEEDS);

describe('fuzz: lint, hover and complete never throw and keep ranges inside the document', () => {
  it('has seed policies to mutate', () => {
    assert.ok(SEEDS.length >= 20, `only ${SEEDS.length} snippets found`);
    for (const s of SEEDS) assert.notEqual(check(s).kind, null);
  });

  it('arbitrary strings (any UTF-16 code unit, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 200 }), optionsArb, offsetsArb, (text, options, offsets) => void check(text, options, offsets)), params(300));
  });

  it('arbitrary full-Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), optionsArb, offsetsArb, (text, options, offsets) => void check(text, options, offsets)), params(200));
  });

  it('random sequences of policy tokens (almost-policies)', () => {
    fc.assert(fc.property(tokenSoup, optionsArb, offsetsArb, (text, options, offsets) => void check(text, options, offsets)), params(400));
  });

  it('mutated real policies: byte flips, truncation, duplicated and deleted slices, inserted tokens', () => {
    fc.assert(
      fc.property(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), optionsArb, offsetsArb, (seed, mutations, options, offsets) => {
        check(mutations.reduce(mutate, seed), options, offsets);
      }),
      params(400),
    );
  });

  it('the incremental linter, fed each mutation in turn, gives exactly what a whole lint gives', () => {
    fc.assert(
      fc.property(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 12 }), optionsArb, (seed, mutations, options) => {
        const linter = new IncrementalLinter();
        let text = seed;
        linter.lint(text, options);
        for (const m of mutations) {
          text = mutate(text, m);
          assert.deepEqual(plainResult(linter.lint(text, options)), plainResult(lint(text, options)), clip(text));
        }
      }),
      params(150),
    );
  });

  it('long wildcard resources (100,000 characters) make no rule throw', () => {
    // The resource-reach test once recursed per character and overflowed the stack.
    for (const resource of ['arn:aws:sagemaker:us-east-1:111122223333:training-job/' + 'a*'.repeat(50_000), 'arn:aws:sagemaker:us-east-1:111122223333:training-job/' + 'a?'.repeat(50_000) + 'x']) {
      const tagged = { StringEquals: { 'sagemaker:ResourceTag/team': '${aws:PrincipalTag/team}' } };
      check(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sagemaker:CreateTrainingJob', 'sagemaker:*'], Resource: resource, Condition: tagged }, { Effect: 'Allow', Action: 'sagemaker:AddTags', Resource: resource }] }));
    }
  });

  it('a policy statement spliced into another policy at a random place', () => {
    fc.assert(
      fc.property(seedArb, seedArb, fc.nat(), fc.nat(), fc.nat(), (a, b, from, length, to) => {
        const start = from % (b.length + 1);
        const at = to % (a.length + 1);
        check(a.slice(0, at) + b.slice(start, start + (length % 2000)) + a.slice(at), {}, [at, at + 1]);
      }),
      params(200),
    );
  });

  it('invalid surrogates, raw and escaped, inside policies', () => {
    const surrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\\uD800', '\\uDC00', '\\uD83D\\u0041', '\uDC00\uD800');
    fc.assert(
      fc.property(seedArb, fc.array(fc.tuple(fc.nat(), surrogate), { minLength: 1, maxLength: 5 }), offsetsArb, (seed, inserts, offsets) => {
        let text = seed;
        for (const [at, s] of inserts) {
          // Mostly inside string values: right after an opening quote.
          const quotes = [...text.matchAll(/"/g)].map((m) => m.index!);
          const i = quotes.length ? quotes[at % quotes.length] + 1 : 0;
          text = text.slice(0, i) + s + text.slice(i);
        }
        check(text, { strictJson: true }, offsets);
      }),
      params(150),
    );
  });

  it('a BOM changes nothing but the first character', () => {
    for (const seed of SEEDS) {
      const plain = check(seed);
      const withBom = check('\uFEFF' + seed, {}, [1, 2]);
      assert.equal(withBom.kind, plain.kind);
      // The BOM takes one character: every finding moves by one, nothing else changes.
      const shifted = plain.findings.map((f) => `${f.ruleId}@${f.offset + 1}+${f.length}`);
      assert.deepEqual(withBom.findings.map((f) => `${f.ruleId}@${f.offset}+${f.length}`), shifted);
    }
  });

  it('CRLF line ends: same findings, fixes keep CRLF', () => {
    for (const seed of SEEDS) {
      const crlf = seed.replace(/\r?\n/g, '\r\n');
      const plain = check(seed);
      const result = check(crlf, {}, [crlf.indexOf('\r'), crlf.indexOf('\n')]);
      assert.equal(result.kind, plain.kind);
      assert.deepEqual(result.findings.map((f) => f.ruleId), plain.findings.map((f) => f.ruleId));
      for (const f of result.findings) {
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(!/(^|[^\r])\n/.test(e.newText), `fix "${fix.title}" of ${f.ruleId} inserts a bare LF into a CRLF document`);
      }
    }
  });

  it('deep nesting (100,000 levels), also behind comments and quotes the nesting guard must see through', () => {
    const n = 100_000;
    const statement = (value: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${value}}]}`;
    const cases: Record<string, string> = {
      arrays: '['.repeat(n) + ']'.repeat(n),
      'arrays, unclosed': '['.repeat(n),
      objects: '{"a":'.repeat(n) + '1' + '}'.repeat(n),
      'objects, unclosed': '{"Statement":'.repeat(n),
      'inside a policy Condition': statement('{"a":'.repeat(n) + '1' + '}'.repeat(n)),
      'inside a Statement array': `{"Version":"2012-10-17","Statement":${'['.repeat(n)}${']'.repeat(n)}}`,
      'in a string (not nesting)': `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${'['.repeat(n)}","Resource":"*"}]}`,
      'after a quote in a block comment': '/* " */' + '['.repeat(n),
      'after a quote in a line comment ended by CR': '// "\r' + '['.repeat(n),
      'after a string ended by CR': '["\r' + '['.repeat(n),
      'after an unclosed block comment': '[/*' + '['.repeat(n),
      'just under the guard (199 levels) in a Condition': statement('{"a":'.repeat(199) + '1' + '}'.repeat(199)),
    };
    for (const [name, text] of Object.entries(cases)) {
      for (const strictJson of [false, true]) {
        assert.doesNotThrow(() => check(text, { strictJson }, [1, text.length >> 1, text.length - 1]), name);
      }
    }
  });

  it('huge strings (1 MB values and keys)', { timeout: 300_000 /* a hang guard, not a speed bar */ }, () => {
    const big = 'a'.repeat(1 << 20);
    const doc = (s: object) => JSON.stringify({ Version: '2012-10-17', Statement: [s] }, null, 2);
    const cases: Record<string, string> = {
      Resource: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${big}` }),
      Action: doc({ Effect: 'Allow', Action: `sagemaker:${big}*`, Resource: '*' }),
      Sid: doc({ Sid: big, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      'condition key': doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { [`aws:${big}`]: 'x' } } }),
      'condition value': doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringLike: { 'iam:PassedToService': `*${big}*` } } }),
      'element name': doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', [big]: 1 }),
      'unterminated string': `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${big}`,
      wildcards: doc({ Effect: 'Allow', Action: `s3:${'*?'.repeat(1 << 17)}`, Resource: `arn:aws:s3:::${'*a'.repeat(1 << 17)}` }),
    };
    for (const text of Object.values(cases)) check(text, {}, [text.length >> 1]);
  });
});
