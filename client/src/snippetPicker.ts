import * as vscode from 'vscode';

interface SnippetEntry {
  prefix: string;
  body: string[];
  description?: string;
}

interface PolicyPick extends vscode.QuickPickItem {
  body?: string[];
}

/** The source page of each snippet file, for the QuickPick's group headers. */
const PAGE_TITLES: Record<string, string> = {
  'data-wrangler.code-snippets': 'Data Wrangler: Security and Permissions (Amazon SageMaker)',
  'enterprise-ml-platform.code-snippets': 'Build a Secure Enterprise Machine Learning Platform on AWS: Permissions',
  'notebook-jobs.code-snippets': 'Studio notebook jobs: Set up policies and permissions',
  'lake-formation.code-snippets': 'Control and audit data exploration with SageMaker Studio and Lake Formation',
  'studio-abac.code-snippets': 'SageMaker Studio for teams and groups with complete resource isolation (ABAC)',
};

async function readSnippetFiles(context: vscode.ExtensionContext): Promise<Array<{ file: string; entries: Record<string, SnippetEntry> }>> {
  const dir = vscode.Uri.joinPath(context.extensionUri, 'snippets');
  const files = (await vscode.workspace.fs.readDirectory(dir)).filter(([name]) => name.endsWith('.code-snippets')).map(([name]) => name).sort();
  const result = [];
  for (const file of files) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, file));
    result.push({ file, entries: JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry> });
  }
  return result;
}

function pageTitle(file: string): string {
  return PAGE_TITLES[file] ?? file.replace(/\.code-snippets$/, '').replace(/-/g, ' ');
}

/** "Insert SageMaker policy...": a QuickPick of every canonical policy, grouped by source page. */
export async function pickCanonicalPolicy(context: vscode.ExtensionContext): Promise<void> {
  const items: PolicyPick[] = [];
  for (const { file, entries } of await readSnippetFiles(context)) {
    items.push({ label: pageTitle(file), kind: vscode.QuickPickItemKind.Separator });
    for (const [name, entry] of Object.entries(entries)) {
      items.push({ label: name, description: entry.prefix, detail: entry.description, body: entry.body });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Insert a canonical SageMaker policy', matchOnDescription: true, matchOnDetail: true });
  if (!picked?.body) return;
  let editor = vscode.window.activeTextEditor;
  if (!editor || !['json', 'jsonc'].includes(editor.document.languageId)) {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  await editor.insertSnippet(new vscode.SnippetString(picked.body.join('\n')));
}
