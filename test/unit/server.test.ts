import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { parseTree, type Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, runRules } from '../../server/src/engine/lint';
import { parsePolicy } from '../../server/src/engine/parse/parse';
import type { Rule } from '../../server/src/engine/rule';
import { ALL_RULES } from '../../server/src/engine/rules';
import { seedPolicies, prng } from './helpers';

// The language server as the editor runs it: dist/server.js over stdio (npm test builds it first), driven
// by a JSON-RPC client. Checks reliability: isolation of failures, the size limit, no stale diagnostics
// under rapid edits, and a soak of random edits (SOAK_EDITS, SOAK_SEED; `npm run soak` runs it longer).

const ROOT = path.resolve(__dirname, '../../..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const SEEDS = seedPolicies();

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
interface Settings {
  enable?: boolean;
  rules?: Record<string, string>;
  kinds?: Record<string, string>;
  maxFileSize?: number;
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A minimal LSP client: answers workspace/configuration from `settings`, records diagnostics and logs. */
class Client {
  readonly published: Published[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  stderr = '';
  private waiters: Array<{ test: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  /** Called after the next workspace/configuration request is answered. */
  private onConfigured: Array<() => void> = [];

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    public settings: Settings,
  ) {}

  static async start(settings: Settings = {}): Promise<Client> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new Client(child, connection, settings);
    child.stderr.on('data', (d) => (client.stderr += d));
    const configured = client.nextConfiguration();
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      const listeners = client.onConfigured.splice(0);
      setImmediate(() => listeners.forEach((l) => l()));
      return params.items.map(() => client.settings);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => client.logs.push(m));
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      client.published.push(p);
      client.waiters = client.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    connection.listen();
    await timeout(
      connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }),
      10_000,
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    await timeout(configured, 5000, 'the server to read its settings');
    return client;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the next publishDiagnostics for `uri` that passes `test`. */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true, ms = 5000): Promise<Published> {
    return timeout(new Promise<Published>((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve })), ms, `diagnostics for ${uri}`);
  }

  async open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown, ms = 10_000): Promise<T> {
    return timeout(this.connection.sendRequest(method, params) as Promise<T>, ms, method);
  }

  private nextConfiguration(): Promise<void> {
    return new Promise((resolve) => this.onConfigured.push(resolve));
  }

  async changeSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    const configured = this.nextConfiguration();
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await timeout(configured, 5000, 'the server to re-read its settings');
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await timeout(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        /* killed below */
      }
      await Promise.race([new Promise((r) => this.child.once('exit', r)), sleep(3000)]);
      if (this.alive) this.child.kill();
    }
    this.connection.dispose();
  }

  /** Error-level log messages (a rule that failed, a request that threw), from the `from`-th log on. */
  errorLogs(from = 0): string[] {
    return this.logs.slice(from).filter((l) => l.type === 1).map((l) => l.message.slice(0, 500));
  }
}

/** What the server should publish for `text`: the engine's findings as the server turns them into diagnostics. */
function expectedDiagnostics(uri: string, languageId: string, text: string, version = 1): string[] {
  const doc = TextDocument.create(uri, languageId, version, text);
  const strictJson = languageId === 'json' || /\.json$/i.test(uri);
  const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return lint(text, { strictJson, severities: {} })
    .findings.filter((f) => !(f.ruleId === 'json-syntax' && (languageId === 'json' || languageId === 'jsonc')))
    .map((f) => key({ range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) }, severity: severity[f.severity], code: f.ruleId, message: f.message }))
    .sort();
}

function key(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} s${d.severity} ${d.message}`;
}

const published = (p: Published): string[] => p.diagnostics.map(key).sort();


const EDIT_TOKENS = ['"', '{', '}', '[', ']', ',', ':', ' ', '\n', '\r\n', '*', '"Allow"', '"Deny"', '"Action"', '"sagemaker:*"', '"iam:PassRole"', '"Resource"', '"Condition"', '{"Bool":{"aws:SecureTransport":"true"}}', '\uD800', '\\', 'x', '0'];

/** One random incremental edit: insert a token, delete a short range or replace one with a token. */
function randomEdit(doc: TextDocument, random: () => number): { range: Range; text: string } {
  const text = doc.getText();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const start = Math.floor(random() * (text.length + 1));
  const kind = random();
  const end = kind < 0.45 ? start : Math.min(text.length, start + Math.floor(random() * 12));
  const newText = kind < 0.8 && kind >= 0.45 && end > start ? '' : pick(EDIT_TOKENS);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: newText };
}

describe('rule failures are isolated (engine)', () => {
  it('a rule that throws is reported through hooks.onRuleError and the other rules still report', () => {
    const throwing: Rule = {
      id: 'test-throws',
      defaultSeverity: 'error',
      summary: 'throws',
      check() {
        throw new Error('boom');
      },
    };
    const reporting: Rule = {
      id: 'test-reports',
      defaultSeverity: 'warning',
      summary: 'reports the first statement',
      check(ctx) {
        ctx.report({ node: ctx.doc.statements[0].node, message: 'first statement' });
      },
    };
    const failures: Array<[string, unknown]> = [];
    const doc = parsePolicy(SEEDS[0]);
    const findings = runRules(doc, {}, { onRuleError: (id, e) => failures.push([id, e]) }, [throwing, reporting, throwing]);
    assert.deepEqual(findings.map((f) => f.ruleId), ['test-reports']);
    assert.equal(failures.length, 2);
    assert.equal(failures[0][0], 'test-throws');
    assert.equal((failures[0][1] as Error).message, 'boom');
    // Without a hook the failure is swallowed just the same.
    assert.deepEqual(runRules(doc, {}, {}, [throwing, reporting]).map((f) => f.ruleId), ['test-reports']);
  });

  it('no shipped rule throws on the seed policies', () => {
    const failures: string[] = [];
    for (const text of SEEDS) lint(text, {}, { onRuleError: (id, e) => failures.push(`${id}: ${String(e)}`) });
    assert.deepEqual(failures, []);
    assert.ok(ALL_RULES.length > 0);
  });
});

describe('language server over stdio (dist/server.js)', () => {
  let client: Client;
  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is missing: run npm run build first');
    client = await Client.start({});
  });
  after(async () => {
    await client?.stop();
  });

  it('publishes the engine findings for a policy, versioned', async () => {
    const uri = 'file:///ws/passrole.json';
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }, null, 2);
    const next = client.diagnostics(uri);
    await client.open(uri, text);
    const p = await next;
    assert.equal(p.version, 1);
    assert.ok(p.diagnostics.length > 0);
    assert.deepEqual(published(p), expectedDiagnostics(uri, 'json', text));
    await client.close(uri);
  });

  it('non-policy JSON gets no diagnostics (package.json, tsconfig.json with comments, a schema, an array)', async () => {
    const docs: Array<[string, string, string]> = [
      ['file:///ws/package.json', 'json', fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')],
      ['file:///ws/tsconfig.json', 'jsonc', '// compiler options\n{ "compilerOptions": { "strict": true, /* yes */ "target": "ES2022", }, }'],
      ['file:///ws/schema.json', 'json', JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { Statement: { type: 'string' } } })],
      ['file:///ws/list.json', 'json', '[1, 2, {"a": "b"}]'],
      ['file:///ws/broken.json', 'json', '{"name": "x", "version": '],
    ];
    for (const [uri, languageId, text] of docs) {
      const next = client.diagnostics(uri);
      await client.open(uri, text, languageId);
      assert.deepEqual((await next).diagnostics, [], uri);
      await client.close(uri);
    }
  });

  it('hostile documents do not kill the server, and it keeps answering', async () => {
    const big = 'a'.repeat(900_000);
    const hostile: Record<string, string> = {
      'deep-arrays': '['.repeat(100_000),
      'deep-behind-comment': '/* " */' + '['.repeat(100_000),
      'deep-objects-in-policy': `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]}`,
      'huge-resource': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${big}` }] }),
      'huge-action': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `sagemaker:${big}*`, Resource: '*' }] }),
      surrogates: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '\uD800\uDC00\uDFFF', Effect: 'Allow', Action: 's3:\uD800', Resource: '\uDBFF*' }] }),
      'bom-crlf': '\uFEFF' + SEEDS[0].replace(/\n/g, '\r\n'),
      nul: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow\u0000","Action":"*","Resource":"*"}]}',
    };
    for (const [name, text] of Object.entries(hostile)) {
      const uri = `file:///ws/hostile-${name}.json`;
      const next = client.diagnostics(uri, () => true, 30_000);
      await client.open(uri, text);
      await next;
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 40 } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.close(uri);
      assert.ok(client.alive, `the server died on ${name}: ${client.stderr}`);
    }
    const uri = 'file:///ws/after-hostile.json';
    const next = client.diagnostics(uri);
    await client.open(uri, SEEDS[1]);
    assert.deepEqual(published(await next), expectedDiagnostics(uri, 'json', SEEDS[1]));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: TextDocument.create(uri, 'json', 1, SEEDS[1]).positionAt(SEEDS[1].indexOf('"Effect"') + 2) });
    assert.ok(hover && hover.contents.value.length > 0);
    await client.close(uri);
  });

  it('rapid edits never publish diagnostics for a stale text, and the last publish is for the last version', async () => {
    const uri = 'file:///ws/rapid.json';
    const random = prng(7);
    const doc = TextDocument.create(uri, 'json', 1, SEEDS[2]);
    const texts = new Map<number, string>([[1, doc.getText()]]);
    const from = client.published.length;
    await client.open(uri, doc.getText());
    let version = 1;
    const edit = async () => {
      const change = randomEdit(doc, random);
      version++;
      TextDocument.update(doc, [change], version);
      texts.set(version, doc.getText());
      await client.change(uri, version, [change]);
    };
    // A burst, then edits spaced around the server's debounce (so some analyses run mid-stream), then a burst.
    for (let i = 0; i < 40; i++) await edit();
    for (let i = 0; i < 15; i++) {
      await sleep(120 + Math.floor(random() * 160));
      await edit();
    }
    for (let i = 0; i < 40; i++) await edit();
    const last = version;
    await client.diagnostics(uri, (p) => p.version === last, 10_000);
    await sleep(600); // anything published late would be stale
    const mine = client.published.slice(from).filter((p) => p.uri === uri);
    assert.ok(mine.length >= 2, `expected several publishes, got ${mine.length}`);
    let previous = 0;
    for (const p of mine) {
      assert.ok(typeof p.version === 'number' && p.version >= previous, `versions out of order: ${mine.map((x) => x.version).join(', ')}`);
      previous = p.version!;
      // Each publish describes exactly the text of the version it names.
      assert.deepEqual(published(p), expectedDiagnostics(uri, 'json', texts.get(p.version!)!, p.version), `diagnostics of version ${p.version} do not match its text`);
    }
    assert.equal(mine[mine.length - 1].version, last);
    await client.close(uri);
  });

  it('while a statement is typed into, keystroke by keystroke, every publish is what a whole lint of that text gives', async () => {
    // The server lints edits incrementally (one linter per document); each version here is waited for.
    let d = TextDocument.create('file:///ws/typing.json', 'json', 1, SEEDS[5]);
    await client.open(d.uri, d.getText(), d.languageId);
    await client.diagnostics(d.uri, (p) => p.version === 1);
    const random = prng(7);
    for (let i = 0; i < 30; i++) {
      const root = parseTree(d.getText());
      const strings: Node[] = [];
      const walk = (n: Node): void => (n.type === 'string' ? void strings.push(n) : n.children?.forEach(walk));
      if (root) walk(root);
      const target = strings[Math.floor(random() * strings.length)];
      const at = target.offset + 1 + Math.floor(random() * Math.max(1, target.length - 1));
      const change = { range: { start: d.positionAt(at), end: d.positionAt(at) }, text: ['x', ':', '*', '"', '/'][Math.floor(random() * 5)] };
      d = TextDocument.update(d, [change], d.version + 1);
      await client.change(d.uri, d.version, [change]);
      const version = d.version;
      const p = await client.diagnostics(d.uri, (x) => x.version === version, 10_000);
      assert.deepEqual(published(p), expectedDiagnostics(d.uri, d.languageId, d.getText(), version), `after edit ${i}:\n${d.getText()}`);
    }
    await client.close(d.uri);
  });

  it(`soaks ${Number(process.env.SOAK_EDITS ?? 10_000)} random edits without a crash, an error log or a drift of the document`, async () => {
    const EDITS = Number(process.env.SOAK_EDITS ?? 10_000);
    const random = prng(Number(process.env.SOAK_SEED ?? 20260523));
    const logsBefore = client.logs.length;
    const docs = ['json', 'jsonc'].map((languageId, i) => TextDocument.create(`file:///ws/soak-${i}.${languageId}`, languageId, 1, SEEDS[i + 3]));
    for (const d of docs) await client.open(d.uri, d.getText(), d.languageId);
    let edits = 0;
    for (; edits < EDITS; edits++) {
      const d = docs[edits % docs.length];
      if (random() < 0.002 || d.getText().length > 20_000) {
        // Now and then start over from a real policy (a full-text change), so the document stays policy-like.
        const text = SEEDS[Math.floor(random() * SEEDS.length)];
        TextDocument.update(d, [{ text }], d.version + 1);
        await client.change(d.uri, d.version, [{ text }]);
      } else {
        const change = randomEdit(d, random);
        TextDocument.update(d, [change], d.version + 1);
        await client.change(d.uri, d.version, [change]);
      }
      if (edits % 100 === 99) {
        // Requests are answered in order, so this also keeps the client from running far ahead of the server.
        const position = d.positionAt(Math.floor(random() * (d.getText().length + 1)));
        await client.request('textDocument/hover', { textDocument: { uri: d.uri }, position });
        await client.request('textDocument/completion', { textDocument: { uri: d.uri }, position });
      }
      if (edits % 2000 === 1999) {
        const target = d.version;
        await client.diagnostics(d.uri, (p) => p.version === target, 10_000);
      }
    }
    assert.ok(client.alive, `the server died: ${client.stderr}`);
    // The server's copy of each document is still the client's: its last diagnostics are those of the final text.
    for (const d of docs) {
      const target = d.version;
      const p = client.published.filter((x) => x.uri === d.uri && x.version === target).pop() ?? (await client.diagnostics(d.uri, (x) => x.version === target, 10_000));
      assert.deepEqual(published(p), expectedDiagnostics(d.uri, d.languageId, d.getText(), target), `${d.uri} drifted after ${edits} edits`);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
      assert.ok(Array.isArray(symbols));
    }
    assert.deepEqual(client.errorLogs(logsBefore), [], 'the server logged errors');
    for (const d of docs) await client.close(d.uri);
  });

  it('logged no errors and wrote nothing to stderr over the whole session', () => {
    assert.deepEqual(client.errorLogs(), []);
    assert.equal(client.stderr, '');
  });
});

describe('sagemakerPolicy.maxFileSize (from workspace/configuration)', () => {
  let client: Client;
  before(async () => {
    client = await Client.start({ maxFileSize: 1000 });
  });
  after(async () => {
    await client?.stop();
  });

  const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 30 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })) }, null, 2);

  it('a document over the limit gets one information diagnostic and no analysis', async () => {
    assert.ok(large.length > 1000);
    const uri = 'file:///ws/large.json';
    const next = client.diagnostics(uri);
    await client.open(uri, large);
    const p = await next;
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const [d] = p.diagnostics;
    assert.equal(d.severity, 3);
    assert.equal(d.code, 'file-too-large');
    assert.match(d.message, /1,000/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    // No analysis: no hover, completion or outline either.
    const position = TextDocument.create(uri, 'json', 1, large).positionAt(large.indexOf('iam:PassRole') + 3);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  it('a document under the limit is analysed as usual', async () => {
    const uri = 'file:///ws/small.json';
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] });
    const next = client.diagnostics(uri);
    await client.open(uri, text);
    const p = await next;
    assert.ok(p.diagnostics.length > 0 && p.diagnostics.every((d) => d.code !== 'file-too-large'));
  });

  it('raising the limit (didChangeConfiguration) re-analyses the open document', async () => {
    const uri = 'file:///ws/large.json';
    const next = client.diagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== 'file-too-large'));
    await client.changeSettings({ maxFileSize: 1_000_000 });
    const p = await next;
    assert.deepEqual(published(p), expectedDiagnostics(uri, 'json', large));
    assert.ok(p.diagnostics.length >= 30);
  });
});
