// Runs an extension test suite inside code-server's real extension host and exits with its result.
// usage: node test/e2e/runner.js <codeServerBaseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>
//
// code-server must run with `--vscode-option enable-smoke-test-driver`: the workbench then honours the
// `payload` query (extensionDevelopmentPath / extensionTestsPath, as `code --extensionDevelopmentPath`
// would), reports the ext host's console through window.codeAutomationLog and the suite's exit code
// through window.codeAutomationExit. Environment: SMPL_E2E_TIMEOUT_MS (default 300000),
// SMPL_E2E_LOGDIR (browser console log + screenshot on failure), SMPL_E2E_VERBOSE=1, CHROME.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const [base, folder, devPath, testsPath] = process.argv.slice(2);
if (!testsPath) {
  console.error('usage: node runner.js <codeServerBaseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>');
  process.exit(2);
}
const timeoutMs = Number(process.env.SMPL_E2E_TIMEOUT_MS || 300000);
const logDir = process.env.SMPL_E2E_LOGDIR || os.tmpdir();
const verbose = process.env.SMPL_E2E_VERBOSE === '1';
const authority = new URL(base).host;
const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
]);
const url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(payload)}`;

// The workbench's own chatter in the same log channel; kept in browser-console.log, printed with SMPL_E2E_VERBOSE=1.
const NOISE = /^(\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache)/;

const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function main() {
  const browserLog = fs.createWriteStream(path.join(logDir, 'browser-console.log'));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'smpl-e2e-chrome-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(udd, {
      executablePath: process.env.CHROME || '/usr/bin/chromium', headless: true, args: CHROME_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && NOISE.test(line)) { browserLog.write(`[ext-host ${type}] ${line}\n`); return; }
      (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('console', (m) => {
      browserLog.write(`[${m.type()}] ${m.text()}\n`);
      if (verbose) console.log('[browser]', m.text().slice(0, 500));
    });
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e}\n`));
    page.on('crash', () => settle({ error: 'the browser page crashed' }));
    const timer = setTimeout(() => settle({ timeout: true }), timeoutMs);

    const t0 = Date.now();
    await page.goto(url, { timeout: 60000 });
    const result = await exited;
    clearTimeout(timer);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (result.timeout || result.error) {
      const shot = path.join(logDir, 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      if (result.timeout) {
        console.error(`\nE2E TIMEOUT: the extension tests did not report an exit code within ${timeoutMs / 1000} s ` +
          `(raise SMPL_E2E_TIMEOUT; screenshot ${shot}, kept with SMPL_E2E_KEEP=1).`);
      } else {
        console.error(`\nE2E ERROR: ${result.error}`);
      }
      return 1;
    }
    console.log(`\nextension tests exited with code ${result.code} after ${secs} s`);
    return result.code === 0 ? 0 : 1;
  } finally {
    await ctx?.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
    browserLog.end();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => { console.error('E2E RUNNER ERROR:', e && e.stack || e); process.exit(1); },
);
