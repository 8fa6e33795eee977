import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ruleDocsUrl } from './engine/docs';
import { fixAll } from './engine/fix';
import { lint } from './engine/lint';
import { LineIndex, type Position } from './engine/positions';
import { ALL_RULES } from './engine/rules';
import { isPolicyKind, POLICY_KINDS, type Finding, type PolicyKind } from './engine/types';

const USAGE = `usage: sagemaker-policy-lint [--format text|json|sarif] [--kind ${POLICY_KINDS.join('|')}] [--fix] PATH...
  PATH is a policy file, a directory (searched recursively for *.json and *.jsonc) or - for standard input.
  Exit status: 0 no error-severity finding, 1 at least one, 2 bad usage or unreadable input.`;
const VERSION = '0.1.0';

class UsageError extends Error {}

interface Args {
  format: 'text' | 'json' | 'sarif';
  kind?: PolicyKind;
  fix: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'text', fix: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (inline === undefined) throw new UsageError(`${a.split('=')[0]} needs a value`);
      return inline;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      args.format = f;
    } else if (a === '--kind' || a.startsWith('--kind=')) {
      const k = value();
      if (!isPolicyKind(k)) throw new UsageError(`unknown kind "${k}" (${POLICY_KINDS.join(', ')})`);
      args.kind = k;
    } else if (a === '--fix') args.fix = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a === '--version') {
      process.stdout.write(VERSION + '\n');
      process.exit(0);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files to lint, in a stable order; throws a one-line message for a path that cannot be read. */
function expand(path: string): string[] {
  if (path === '-') return ['-'];
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new Error(`cannot read ${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (/\.jsonc?$/i.test(entry.name)) files.push(full);
    }
  };
  walk(path);
  return files;
}

function read(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

interface FileReport {
  path: string;
  kind: PolicyKind | null;
  findings: Array<Finding & { start: Position; end: Position }>;
  fixed: number;
}

function lintFile(path: string, args: Args): FileReport {
  let text = read(path);
  const options = { kind: args.kind, strictJson: !/\.jsonc$/i.test(path) };
  let fixed = 0;
  if (args.fix) {
    const result = fixAll(text, options);
    if (result.applied > 0) {
      fixed = result.applied;
      text = result.text;
      if (path === '-') process.stdout.write(text);
      else writeFileSync(path, text);
    }
  }
  const { kind, findings } = lint(text, options);
  const index = new LineIndex(text);
  return {
    path: path === '-' ? '<stdin>' : path,
    kind,
    fixed,
    findings: findings.map((f) => ({ ...f, start: index.positionAt(f.offset), end: index.positionAt(f.offset + f.length) })),
  };
}

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      total++;
      lines.push(`${r.path}:${f.start.line + 1}:${f.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}`);
    }
    if (r.fixed) lines.push(`${r.path}: applied ${r.fixed} fix${r.fixed === 1 ? '' : 'es'}`);
  }
  const policies = reports.filter((r) => r.kind !== null).length;
  lines.push(`${total} finding${total === 1 ? '' : 's'} in ${policies} polic${policies === 1 ? 'y' : 'ies'} (${reports.length - policies} non-policy JSON file${reports.length - policies === 1 ? '' : 's'} skipped)`);
  return lines.join('\n') + '\n';
}

function formatJson(reports: FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      kind: r.kind,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: { start: f.start, end: f.end },
        fixes: f.fixes.map((x) => ({ title: x.title })),
      })),
    })),
  }) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function formatSarif(reports: FileReport[]): string {
  const run = {
    tool: {
      driver: {
        name: 'sagemaker-policy-lint',
        version: VERSION,
        informationUri: 'https://github.com/sagemaker-policy-tools/sagemaker-policy-lint',
        rules: ALL_RULES.map((r) => ({ id: r.id, shortDescription: { text: r.summary }, helpUri: ruleDocsUrl(r.id), defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] } })),
      },
    },
    results: reports.flatMap((r) =>
      r.findings.map((f) => ({
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.path === '<stdin>' ? 'stdin' : relative(process.cwd(), r.path).split('\\').join('/') }, region: { startLine: f.start.line + 1, startColumn: f.start.character + 1, endLine: f.end.line + 1, endColumn: f.end.character + 1 } } }],
      })),
    ),
  };
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2) + '\n';
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`sagemaker-policy-lint: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let reports: FileReport[];
  try {
    reports = args.paths.flatMap(expand).map((p) => lintFile(p, args));
  } catch (error) {
    process.stderr.write(`sagemaker-policy-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const out = args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports) : formatText(reports);
  // With --fix on stdin the fixed document is the output; the report then goes to stderr.
  (args.fix && args.paths.includes('-') ? process.stderr : process.stdout).write(out);
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
