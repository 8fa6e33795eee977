import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  SymbolKind,
  createConnection,
  Diagnostic,
  type DocumentSymbol,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from './engine/docs';
import { collectFixEdits } from './engine/fix';
import { matchesGlob } from './engine/glob';
import { IncrementalLinter } from './engine/incremental';
import { isPolicyKind, type Finding, type LintOptions, type PolicyKind, type Severity, type SeveritySetting, type TextEdit } from './engine/types';
import { hover } from './engine/hover';
import { complete } from './engine/completion';
import { documentSymbols, type PolicySymbol } from './engine/symbols';

const SOURCE = 'sagemaker-policy';
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sagemakerPolicy`;
const DEBOUNCE_MS = 200;

interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  kinds: Record<string, string>;
  maxFileSize: number;
}
const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, kinds: {}, maxFileSize: 1_000_000 };

/** What the last lint of a document version produced: code actions are answered from it. */
interface Analysis {
  version: number;
  findings: Finding[];
}

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, Analysis>();
const timers = new Map<string, NodeJS.Timeout>();
let settings: Settings = DEFAULT_SETTINGS;
const failingRules = new Set<string>();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"', ':', '/'] },
    documentSymbolProvider: true,
  },
}));

connection.onInitialized(() => void refreshSettings());
connection.onDidChangeConfiguration(() => void refreshSettings());

async function refreshSettings(): Promise<void> {
  try {
    const value = (await connection.workspace.getConfiguration('sagemakerPolicy')) as Partial<Settings> | null;
    settings = { ...DEFAULT_SETTINGS, ...(value ?? {}) };
  } catch {
    settings = DEFAULT_SETTINGS;
  }
  for (const doc of documents.all()) schedule(doc, 0);
}

/** The kind a `sagemakerPolicy.kinds` glob assigns to this document, if any. */
function kindFromSettings(uri: string): PolicyKind | undefined {
  const path = decodeURIComponent(uri.replace(/^[a-z-]+:\/\/[^/]*/i, ''));
  for (const [glob, kind] of Object.entries(settings.kinds ?? {})) {
    if (isPolicyKind(kind) && matchesGlob(path, glob)) return kind;
  }
  return undefined;
}

function lintOptions(doc: TextDocument): LintOptions {
  return {
    kind: kindFromSettings(doc.uri),
    severities: settings.rules ?? {},
    strictJson: doc.languageId === 'json' || /\.json$/i.test(doc.uri),
  };
}

/** How long the last analysis of each document took (ms). */
const lintDurations = new Map<string, number>();
const linters = new Map<string, IncrementalLinter>();
/** Upper bound of the debounce: diagnostics of even the largest document follow the typing this closely. */
const MAX_DEBOUNCE_MS = 2000;

/**
 * Edits are debounced by DEBOUNCE_MS, or by twice the document's last analysis time when that is longer:
 * a very large document then is not re-analysed between keystrokes, so hovers and completions, which
 * wait for the analysis on the single server thread, stay quick while typing.
 */
function schedule(doc: TextDocument, delay = Math.min(MAX_DEBOUNCE_MS, Math.max(DEBOUNCE_MS, 2 * (lintDurations.get(doc.uri) ?? 0)))): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => validate(doc.uri), delay));
}

function toSeverity(severity: Severity): DiagnosticSeverity {
  return { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[severity];
}

/** VS Code's own JSON support already reports syntax errors in json/jsonc documents: do not say it twice. */
function editorReportsSyntax(doc: TextDocument): boolean {
  return doc.languageId === 'json' || doc.languageId === 'jsonc';
}

function validate(uri: string): void {
  timers.delete(uri);
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  let findings: Finding[] = [];
  let diagnostics: Diagnostic[] = [];
  try {
    if (settings.enable !== false) {
      const text = doc.getText();
      if (text.length > settings.maxFileSize) {
        diagnostics = [tooLarge(text.length)];
      } else {
        const started = performance.now();
        // One linter per document: an edit inside a statement re-checks only what it can have changed.
        let linter = linters.get(uri);
        if (!linter) linters.set(uri, (linter = new IncrementalLinter()));
        findings = linter.lint(text, lintOptions(doc), { onRuleError: reportRuleError }).findings;
        lintDurations.set(uri, performance.now() - started);
        diagnostics = findings.filter((f) => !(f.ruleId === 'json-syntax' && editorReportsSyntax(doc))).map((f) => toDiagnostic(doc, f));
      }
    }
  } catch (error) {
    connection.console.error(`sagemaker-policy: could not analyse ${uri}: ${String(error)}`);
  }
  // Latest version wins: if the user typed meanwhile, a newer validation is already scheduled.
  if (documents.get(uri)?.version !== version) return;
  analyses.set(uri, { version, findings });
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function reportRuleError(ruleId: string, error: unknown): void {
  if (failingRules.has(ruleId)) return; // logged once: a broken rule must not flood the output
  failingRules.add(ruleId);
  connection.console.error(`sagemaker-policy: rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

function tooLarge(size: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'file-too-large',
    message: `Not analysed: this document is ${size.toLocaleString('en-US')} characters, over the sagemakerPolicy.maxFileSize limit of ${settings.maxFileSize.toLocaleString('en-US')}.`,
  };
}

function rangeOf(doc: TextDocument, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  return {
    range: rangeOf(doc, f.offset, f.length),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
  };
}

function toWorkspaceEdit(doc: TextDocument, edits: readonly TextEdit[]) {
  return { changes: { [doc.uri]: edits.map((e) => ({ range: rangeOf(doc, e.offset, e.length), newText: e.newText })) } };
}

/** Our json-syntax findings (with their fixes) at the spot of VS Code's own JSON syntax diagnostic. */
function syntaxFindingsAt(doc: TextDocument, analysis: Analysis, range: Range): Finding[] {
  const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
  return analysis.findings.filter((f) => f.ruleId === 'json-syntax' && f.fixes.length > 0 && f.offset <= end + 1 && start <= f.offset + f.length + 1);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

connection.onCodeAction((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    const analysis = analyses.get(params.textDocument.uri);
    if (!doc || !analysis || analysis.version !== doc.version) return [];
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
    if (wantsQuickFix) {
      for (const diagnostic of params.context.diagnostics) {
        const matches = diagnostic.source === SOURCE
          ? analysis.findings.filter((f) => f.ruleId === diagnostic.code && sameRange(rangeOf(doc, f.offset, f.length), diagnostic.range))
          : syntaxFindingsAt(doc, analysis, diagnostic.range);
        for (const finding of matches) {
          for (const fix of finding.fixes) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit: toWorkspaceEdit(doc, fix.edits) });
          }
        }
        if (diagnostic.source === SOURCE && typeof diagnostic.code === 'string' && diagnostic.code !== 'file-too-large') {
          actions.push({
            title: `Disable rule ${diagnostic.code} (sagemakerPolicy.rules)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: 'Disable rule', command: 'sagemakerPolicy.disableRule', arguments: [diagnostic.code] },
          });
        }
      }
    }
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k)) ?? params.context.diagnostics.some((d) => d.source === SOURCE);
    if (wantsFixAll) {
      const edits = collectFixEdits(analysis.findings);
      if (edits.length > 0) actions.push({ title: 'Fix all auto-fixable SageMaker policy problems', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(doc, edits) });
    }
    return actions;
  } catch (error) {
    connection.console.error(`sagemaker-policy: code actions failed: ${String(error)}`);
    return [];
  }
});

connection.onHover((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || doc.getText().length > settings.maxFileSize) return null;
    const result = hover(doc.getText(), doc.offsetAt(params.position), lintOptions(doc));
    if (!result) return null;
    return { contents: { kind: 'markdown', value: result.markdown }, range: rangeOf(doc, result.offset, result.length) };
  } catch (error) {
    connection.console.error(`sagemaker-policy: hover failed: ${String(error)}`);
    return null;
  }
});

connection.onCompletion((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || doc.getText().length > settings.maxFileSize) return null;
    const result = complete(doc.getText(), doc.offsetAt(params.position), lintOptions(doc));
    if (!result) return null;
    const range = rangeOf(doc, result.offset, result.length);
    return {
      isIncomplete: result.isIncomplete,
      items: result.items.map((item, i) => ({
        label: item.label,
        kind: item.kind as CompletionItemKind,
        detail: item.detail,
        documentation: item.documentation ? { kind: 'markdown' as const, value: item.documentation } : undefined,
        sortText: String(i).padStart(5, '0'),
        filterText: item.filterText ?? item.insertText,
        textEdit: { range, newText: item.insertText },
        ...(item.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      })),
    };
  } catch (error) {
    connection.console.error(`sagemaker-policy: completion failed: ${String(error)}`);
    return null;
  }
});

connection.onDocumentSymbol((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || doc.getText().length > settings.maxFileSize) return [];
    const toSymbol = (s: PolicySymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: s.kind as SymbolKind,
      range: rangeOf(doc, s.offset, s.length),
      selectionRange: rangeOf(doc, s.selectionOffset, s.selectionLength),
      children: s.children?.map(toSymbol),
    });
    return documentSymbols(doc.getText(), lintOptions(doc)).map(toSymbol);
  } catch (error) {
    connection.console.error(`sagemaker-policy: symbols failed: ${String(error)}`);
    return [];
  }
});

// TextDocuments fires onDidChangeContent right after onDidOpen: an opened document is analysed at once,
// only edits are debounced.
const justOpened = new Set<string>();
documents.onDidOpen((e) => justOpened.add(e.document.uri));
documents.onDidChangeContent((e) => (justOpened.delete(e.document.uri) ? schedule(e.document, 0) : schedule(e.document)));
documents.onDidClose((e) => {
  lintDurations.delete(e.document.uri);
  linters.delete(e.document.uri);
  justOpened.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  analyses.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
