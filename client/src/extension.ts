import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { pickCanonicalPolicy } from './snippetPicker';

let client: LanguageClient | undefined;

/** json/jsonc documents, plus files the user lists in `sagemakerPolicy.files` (e.g. `**\/*.policy`). */
function documentSelector(): DocumentSelector {
  const extra = vscode.workspace.getConfiguration('sagemakerPolicy').get<string[]>('files', []);
  return [
    { language: 'json' },
    { language: 'jsonc' },
    ...extra.map((pattern) => ({ pattern })),
  ];
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'sagemakerPolicy' },
  };
  client = new LanguageClient('sagemakerPolicy', 'SageMaker IAM Policy', serverOptions, clientOptions);
  await client.start();
}

/** Quick-fix "Disable rule": writes `"<id>": "off"` into the sagemakerPolicy.rules setting. */
async function disableRule(ruleId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('sagemakerPolicy');
  const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [ruleId]: 'off' };
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('rules', rules, target);
  void vscode.window.showInformationMessage(`SageMaker policy rule "${ruleId}" is now off (sagemakerPolicy.rules).`);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('sagemakerPolicy.insertPolicy', () => pickCanonicalPolicy(context)),
    vscode.commands.registerCommand('sagemakerPolicy.disableRule', disableRule),
    vscode.commands.registerCommand('sagemakerPolicy.restartServer', async () => {
      await client?.stop();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts: a new file pattern needs a restart.
      if (e.affectsConfiguration('sagemakerPolicy.files')) {
        await client?.stop();
        await startClient(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
