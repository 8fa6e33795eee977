// Runs the real-editor suite (test/e2e/suite) in a desktop VS Code downloaded by @vscode/test-electron.
// Needs network access to update.code.visualstudio.com; where that is not reachable (CI here), use
// `npm run test:e2e`, which runs the same suite in code-server (test/e2e/run.sh).
// Usage: npm run test:e2e:electron   (VSCODE_VERSION=stable|insiders|1.95.0 to choose the build)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..'); // out/test -> repo root
  const extensionTestsPath = path.join(root, 'out', 'test', 'e2e', 'suite', 'index.js');
  // Tests edit and save files: give them a copy of the fixture workspace.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'smpl-e2e-workspace-'));
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('real-editor tests failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
