// Entry point of the real-editor tests: VS Code loads this file in the extension host
// (extensionTestsPath) and waits for run(). Runs every `*.e2e.js` beside it with mocha (TDD ui).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 60_000,
    slow: 5_000,
    color: !process.env.NO_COLOR,
    reporter: 'spec',
    grep: process.env.SMPL_E2E_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.e2e.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} real-editor test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
