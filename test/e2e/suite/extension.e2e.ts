// Real-editor checks: these run inside a VS Code extension host (code-server or @vscode/test-electron)
// against the built extension (dist/) and the fixture workspace test/e2e/workspace (a temp copy).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';

const EXTENSION_ID = 'sagemaker-policy-tools.sagemaker-policy-lint';
const SOURCE = 'sagemaker-policy';
const DIAGNOSTICS_TIMEOUT = 20_000;

// ------------------------------------------------------------------------------------------- helpers

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined; fails with `state()` after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>,
  state: () => string = () => '', timeoutMs = DIAGNOSTICS_TIMEOUT, intervalMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state() ? `; last state: ${state()}` : ''}`);
    await sleep(intervalMs);
  }
}

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (expected a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** A fresh copy of a fixture, for tests that edit the document. */
async function openCopy(name: string, copyName: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.copy(workspaceUri(name), workspaceUri(copyName), { overwrite: true });
  return open(copyName);
}

function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all.map((d) => `${d.source}/${ruleIdOf(d)} [${vscode.DiagnosticSeverity[d.severity]}] ` +
    `${d.range.start.line + 1}:${d.range.start.character + 1} "${d.message}"`).join('; ');
}

function waitForRule(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${SOURCE} diagnostic ${ruleId} on ${path.basename(uri.path)}`,
    () => ours(uri).find((d) => ruleIdOf(d) === ruleId), () => describeDiagnostics(uri));
}

/** Records when diagnostics of `uri` are published, to wait for the first publication after an edit. */
function watchDiagnostics(uri: vscode.Uri) {
  const times: number[] = [];
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) times.push(Date.now());
  });
  return {
    /** Resolves once diagnostics were published after `since` (or after `maxMs`), plus a short grace period. */
    async settled(since: number, maxMs = 8_000): Promise<void> {
      const end = Date.now() + maxMs;
      while (!times.some((t) => t >= since) && Date.now() < end) await sleep(100);
      await sleep(750);
      sub.dispose();
    },
  };
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${path.basename(doc.uri.path)}`);
  return doc.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}

type ActionOrCommand = vscode.CodeAction | vscode.Command;
const isCodeAction = (a: ActionOrCommand): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<ActionOrCommand[]>('vscode.executeCodeActionProvider', uri, range, kind, 50);
  return (result ?? []).filter(isCodeAction);
}

const describeActions = (actions: vscode.CodeAction[]) =>
  actions.length === 0 ? 'no code actions' :
    actions.map((a) => `"${a.title}" (${a.kind?.value ?? 'no kind'}${a.isPreferred ? ', preferred' : ''}${a.edit ? ', edit' : ''}${a.command ? ', command' : ''})`).join('; ');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const t = item.insertText ?? labelOf(item);
  return typeof t === 'string' ? t : t.value;
}

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

/** Fails on any syntax error: IAM accepts strict JSON only. */
function parseStrictJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    assert.fail(`${what} is not valid JSON (${(e as Error).message}):\n${text}`);
  }
}

interface ContributedSnippet { name: string; prefix: string; body: string; file: string }

/** The extension's `sm-` snippets for JSON, read from the files its package.json contributes. */
function contributedSnippets(): { snippets: ContributedSnippet[]; problem?: string } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) return { snippets: [], problem: `extension ${EXTENSION_ID} not found` };
  const entries: { language?: string; path?: string }[] = ext.packageJSON?.contributes?.snippets ?? [];
  const snippets: ContributedSnippet[] = [];
  for (const entry of entries) {
    if (!entry.path || (entry.language !== 'json' && entry.language !== undefined)) continue;
    const file = path.join(ext.extensionPath, entry.path);
    if (!fs.existsSync(file)) return { snippets, problem: `contributed snippets file ${entry.path} does not exist` };
    const errors: ParseError[] = [];
    const content = parseJsonc(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true }) ?? {};
    if (errors.length) return { snippets, problem: `${entry.path} has JSON syntax errors` };
    for (const [name, s] of Object.entries<{ prefix?: string | string[]; body?: string | string[] }>(content)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : s.prefix ? [s.prefix] : [];
      const prefix = prefixes.find((p) => p.startsWith('sm-'));
      if (!prefix) continue;
      snippets.push({ name, prefix, body: Array.isArray(s.body) ? s.body.join('\n') : s.body ?? '', file: entry.path });
    }
  }
  return { snippets };
}

// --------------------------------------------------------------------------------------------- tests

suite('SageMaker IAM Policy Linter in a real VS Code', () => {
  test('activates when policy.json from the workspace is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath)`);
    const doc = await open('policy.json');
    assert.strictEqual(doc.languageId, 'json');
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined), () => `isActive=${ext.isActive}`);
  });

  test('registers the command sagemakerPolicy.insertPolicy', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sagemakerPolicy.insertPolicy'),
      `not registered; sagemakerPolicy.* commands: ${JSON.stringify(commands.filter((c) => c.startsWith('sagemakerPolicy.')))}`);
  });

  test('pass-role-without-service: iam:PassRole on a role without iam:PassedToService', async () => {
    const doc = await open('passrole.json');
    const d = await waitForRule(doc.uri, 'pass-role-without-service');
    assert.strictEqual(d.source, SOURCE);
    const code = d.code;
    assert.ok(typeof code === 'object' && code !== null, `code should be { value, target }, got ${JSON.stringify(code)}`);
    assert.strictEqual(code.value, 'pass-role-without-service');
    assert.ok(code.target instanceof vscode.Uri, `code.target should be a Uri, got ${JSON.stringify(code.target)}`);
    const target = code.target.toString(true);
    assert.match(code.target.scheme, /^https?$/, `code.target should be a web page, got ${target}`);
    assert.ok(target.includes('pass-role-without-service'), `code.target should be the rule's doc page, got ${target}`);
    const m = /\/docs\/rules\/([^/#?]+\.md)$/.exec(code.target.path);
    if (m) {
      // The pages live in the repository (out/test/e2e/suite is four levels below it), not in the .vsix.
      const repo = path.resolve(__dirname, '..', '..', '..', '..');
      assert.ok(fs.existsSync(path.join(repo, 'docs', 'rules', m[1])), `${target} points at docs/rules/${m[1]}, which does not exist`);
    }
  });

  test('missing-version: a policy without "Version"', async () => {
    const doc = await open('no-version.json');
    const d = await waitForRule(doc.uri, 'missing-version');
    const code = d.code;
    assert.ok(typeof code === 'object' && code !== null && code.target instanceof vscode.Uri,
      `code should be { value, target: Uri }, got ${JSON.stringify(code)}`);
    assert.ok(code.target.toString(true).includes('missing-version'), `code.target should be the rule's doc page, got ${code.target.toString(true)}`);
  });

  test('a JSON file that is not a policy (package.json-like) gets no diagnostics of ours', async () => {
    const other = await open('not-a-policy.json');
    // Control: the server is up and has linted a document opened after this one.
    const control = await open('no-version.json');
    await waitForRule(control.uri, 'missing-version');
    await sleep(3_000);
    assert.deepStrictEqual(ours(other.uri).map((d) => `${ruleIdOf(d)}: ${d.message}`), []);
  });

  test('hover on sagemaker:CreateTrainingJob shows its description and access level', async () => {
    const doc = await open('policy.json');
    const pos = positionOf(doc, 'sagemaker:CreateTrainingJob', 12);
    let last = '';
    await waitFor('a hover with "Grants permission to" and "Write"', async () => {
      last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return last.includes('Grants permission to') && last.includes('Write') ? true : undefined;
    }, () => (last ? JSON.stringify(last) : 'no hover'), 15_000, 500);
  });

  test('quick fix adds an iam:PassedToService condition and the diagnostic goes away', async () => {
    const doc = await openCopy('passrole.json', 'passrole-quickfix.json');
    const d = await waitForRule(doc.uri, 'pass-role-without-service');
    const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.title.includes('iam:PassedToService'));
    assert.ok(fix, `no preferred quick fix mentioning iam:PassedToService; offered: ${describeActions(actions)}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind should be quickfix, got ${fix.kind?.value}`);
    assert.ok(fix.edit, `the quick fix "${fix.title}" carries no edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit returned false');
    assert.ok(doc.getText().includes('iam:PassedToService'), `the edit did not add iam:PassedToService:\n${doc.getText()}`);
    parseStrictJson(doc.getText(), 'the fixed document');
    await waitFor('pass-role-without-service to disappear after the fix',
      () => (ours(doc.uri).some((x) => ruleIdOf(x) === 'pass-role-without-service') ? undefined : true),
      () => `${describeDiagnostics(doc.uri)}\n${doc.getText()}`);
    await doc.save();
  });

  test('typing inside one statement updates its diagnostics, and a quick fix further down still applies', async () => {
    // The server re-checks only the edited statement and moves the findings after it (incremental linting).
    const doc = await openCopy('typing.json', 'typing-edit.json');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await waitForRule(doc.uri, 'pass-role-without-service');
    // Type "Xyz" into "s3:GetObject", one keystroke at a time, letting the server lint after each.
    const at = positionOf(doc, 's3:GetObject', 'GetObject'.length + 3);
    for (const [i, ch] of [...'Xyz'].entries()) {
      const watch = watchDiagnostics(doc.uri);
      const since = Date.now();
      assert.ok(await editor.edit((b) => b.insert(at.translate(0, i), ch)), 'edit failed');
      await watch.settled(since);
    }
    assert.ok(doc.getText().includes('"s3:GetObjectXyz"'), doc.getText());
    const unknown = await waitForRule(doc.uri, 'unknown-action');
    assert.equal(doc.getText(unknown.range), 'GetObjectXyz', 'unknown-action underlines the action name');
    // The finding in the next statement moved with the text, and its fix edits the right place.
    const passRole = await waitForRule(doc.uri, 'pass-role-without-service');
    assert.equal(doc.getText(passRole.range), '"iam:PassRole"');
    const fix = (await codeActions(doc.uri, passRole.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.isPreferred);
    assert.ok(fix?.edit, 'no preferred quick fix for pass-role-without-service');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit returned false');
    const fixed = parseStrictJson(doc.getText(), 'the fixed document') as { Statement: Array<{ Condition?: unknown }> };
    assert.deepEqual(fixed.Statement[1].Condition, { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    await waitFor('pass-role-without-service to disappear after the fix',
      () => (ours(doc.uri).some((x) => ruleIdOf(x) === 'pass-role-without-service') ? undefined : true),
      () => describeDiagnostics(doc.uri));
    // Deleting what was typed clears the unknown action.
    const typed = positionOf(doc, 'GetObjectXyz', 'GetObject'.length);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(typed, typed.translate(0, 3)))), 'delete failed');
    await waitFor('unknown-action to disappear',
      () => (ours(doc.uri).some((x) => ruleIdOf(x) === 'unknown-action') ? undefined : true),
      () => describeDiagnostics(doc.uri));
    await doc.save();
  });

  test('a "disable rule" code action is offered for a diagnostic', async () => {
    const doc = await open('passrole.json');
    const d = await waitForRule(doc.uri, 'pass-role-without-service');
    const actions = await codeActions(doc.uri, d.range);
    assert.ok(actions.some((a) => /disable/i.test(a.title)), `no "disable" action; offered: ${describeActions(actions)}`);
  });

  test('fix-all (source.fixAll.sagemakerPolicy) applies the preferred fixes', async () => {
    const doc = await openCopy('passrole.json', 'passrole-fixall.json');
    await waitForRule(doc.uri, 'pass-role-without-service');
    const before = ours(doc.uri).length;
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await codeActions(doc.uri, all, 'source.fixAll.sagemakerPolicy');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.sagemakerPolicy');
    assert.ok(fixAll, `no action of kind source.fixAll.sagemakerPolicy; offered: ${describeActions(actions)}`);
    assert.ok(fixAll.edit, `the fix-all action "${fixAll.title}" carries no edit`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'workspace.applyEdit returned false');
    parseStrictJson(doc.getText(), 'the document after fix-all');
    await waitFor(`fewer than ${before} findings after fix-all`, () => (ours(doc.uri).length < before ? true : undefined),
      () => `${describeDiagnostics(doc.uri)}\n${doc.getText()}`);
    await doc.save();
  });

  test('completion inside an Action string offers sagemaker:CreatePresignedDomainUrl', async () => {
    const doc = await open('completion.json');
    const editor = await vscode.window.showTextDocument(doc);
    // Type `"sagemaker:CreatePre` into the empty Action array; the editor auto-closes the quote.
    const at = positionOf(doc, '"Action": [', '"Action": ['.length);
    assert.ok(await editor.edit((b) => b.insert(at, '"sagemaker:CreatePre"')), 'edit failed');
    const cursor = positionOf(doc, 'sagemaker:CreatePre', 'sagemaker:CreatePre'.length);
    editor.selection = new vscode.Selection(cursor, cursor);
    let items: vscode.CompletionItem[] = [];
    await waitFor('a completion item sagemaker:CreatePresignedDomainUrl', async () => {
      items = await completions(doc.uri, cursor);
      return items.some((i) => labelOf(i) === 'sagemaker:CreatePresignedDomainUrl' || insertTextOf(i).includes('sagemaker:CreatePresignedDomainUrl'))
        ? true : undefined;
    }, () => `${items.length} items, those with "CreatePre": ${JSON.stringify(items.map(labelOf).filter((l) => l.includes('CreatePre')))}`, 15_000, 500);
  });

  test('hover on a condition key and on its operator explains them', async () => {
    const doc = await open('conditions.json');
    const key = positionOf(doc, 'sagemaker:VpcSubnets', 12);
    let last = '';
    await waitFor('a condition-key hover naming the key type and the statement\'s actions', async () => {
      last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, key));
      return last.includes('sagemaker:VpcSubnets') && /multivalued/.test(last) ? true : undefined;
    }, () => (last ? JSON.stringify(last) : 'no hover'), 15_000, 500);
    const op = positionOf(doc, 'ForAllValues:StringEquals', 5);
    const opHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, op));
    assert.match(opHover, /ForAllValues/, `operator hover: ${JSON.stringify(opHover)}`);
    assert.match(opHover, /every|all/i, `operator hover should explain ForAllValues: ${JSON.stringify(opHover)}`);
  });

  test('completion of a condition key offers the keys the statement\'s actions support', async () => {
    const doc = await openCopy('conditions.json', 'conditions-completion.json');
    const editor = await vscode.window.showTextDocument(doc);
    const at = positionOf(doc, '"Bool": { ', '"Bool": { '.length);
    assert.ok(await editor.edit((b) => b.insert(at, '"sagemaker:Vol", ')), 'edit failed');
    const cursor = positionOf(doc, '"sagemaker:Vol"', '"sagemaker:Vol'.length);
    let items: vscode.CompletionItem[] = [];
    await waitFor('sagemaker:VolumeKmsKeyArn among the completions', async () => {
      items = await completions(doc.uri, cursor);
      return items.some((i) => labelOf(i) === 'sagemaker:VolumeKmsKeyArn') ? true : undefined;
    }, () => `${items.length} items: ${JSON.stringify(items.map(labelOf).slice(0, 20))}`, 15_000, 500);
    const item = items.find((i) => labelOf(i) === 'sagemaker:VolumeKmsKeyArn')!;
    assert.match(String(item.detail ?? ''), /ARN/, `detail should give the key type: ${item.detail}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the "disable rule" action turns the rule off in the workspace settings, and its diagnostics go away', async () => {
    const doc = await open('passrole.json');
    const d = await waitForRule(doc.uri, 'pass-role-without-service');
    const actions = await codeActions(doc.uri, d.range);
    const disable = actions.find((a) => /disable/i.test(a.title) && a.title.includes('pass-role-without-service'));
    assert.ok(disable?.command, `no "disable pass-role-without-service" action with a command; offered: ${describeActions(actions)}`);
    const config = () => vscode.workspace.getConfiguration('sagemakerPolicy');
    try {
      await vscode.commands.executeCommand(disable.command.command, ...(disable.command.arguments ?? []));
      assert.strictEqual(config().get<Record<string, string>>('rules')?.['pass-role-without-service'], 'off');
      await waitFor('pass-role-without-service to disappear once it is off',
        () => (ours(doc.uri).some((x) => ruleIdOf(x) === 'pass-role-without-service') ? undefined : true), () => describeDiagnostics(doc.uri));
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRule(doc.uri, 'pass-role-without-service');
  });

  test('"Insert SageMaker policy..." inserts the picked canonical policy', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    await vscode.window.showTextDocument(doc);
    let picked = false;
    const picking = Promise.resolve(vscode.commands.executeCommand('sagemakerPolicy.insertPolicy')).then(() => (picked = true));
    // The QuickPick opens (after reading the snippet files) with the first policy of the first page active:
    // accept it, retrying until it is open.
    await waitFor('the QuickPick to open and take the first policy', async () => {
      if (!picked) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(250);
      return picked ? true : undefined;
    }, () => 'the command has not returned', 15_000, 250);
    await picking;
    await waitFor('the inserted policy', () => (doc.getText().includes('"Statement"') ? true : undefined), () => JSON.stringify(doc.getText()), 5_000, 100);
    const policy = parseStrictJson(doc.getText(), 'the inserted policy') as Record<string, unknown>;
    assert.strictEqual(policy.Version, '2012-10-17');
    // The first canonical policy still has example values (account 111122223333): warnings, never errors.
    await waitFor('the inserted policy to be linted', () => (ours(doc.uri).length > 0 ? true : undefined), () => describeDiagnostics(doc.uri));
    assert.deepStrictEqual(ours(doc.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error).map((x) => x.message), []);
  });

  test('untitled JSON documents are linted too (makes the snippet checks below meaningful)', async () => {
    const text = fs.readFileSync(workspaceUri('passrole.json').fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(doc);
    await waitForRule(doc.uri, 'pass-role-without-service');
  });

  const { snippets, problem } = contributedSnippets();
  const policySnippets = snippets.filter((s) => s.body.includes('"Statement"'));

  test('the extension contributes sm- snippets for JSON, and completion offers them after "sm-"', async () => {
    assert.ok(!problem, problem);
    assert.ok(policySnippets.length > 0, `no json snippet with an sm- prefix and a "Statement" body; found: ${JSON.stringify(snippets.map((s) => s.prefix))}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: 'sm-' });
    await vscode.window.showTextDocument(doc);
    let items: vscode.CompletionItem[] = [];
    await waitFor('sm- snippets in the completion list', async () => {
      items = await completions(doc.uri, doc.positionAt(3));
      return items.some((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === policySnippets[0].prefix) ? true : undefined;
    }, () => `offered: ${JSON.stringify(items.map(labelOf).slice(0, 30))}`, 10_000, 500);
  });

  for (const s of policySnippets) {
    test(`snippet ${s.prefix} ("${s.name}") inserts a policy without errors`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
      await vscode.window.showTextDocument(doc);
      const watcher = watchDiagnostics(doc.uri);
      const inserted = Date.now();
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name: s.name });
      await waitFor('the snippet text', () => (doc.getText().length > 0 ? true : undefined), () => 'document still empty', 5_000, 100);
      const text = doc.getText();
      const policy = parseStrictJson(text, `the text of snippet ${s.prefix}`) as Record<string, unknown>;
      assert.ok(policy && typeof policy === 'object' && 'Statement' in policy, `no "Statement" in:\n${text}`);
      await watcher.settled(inserted);
      const errors = ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepStrictEqual(errors.map((d) => `${ruleIdOf(d)} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`), [],
        `error diagnostics on snippet ${s.prefix}:\n${text}`);
    });
  }
});
