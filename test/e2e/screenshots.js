// Drives code-server as a person would and saves the README's screenshots.
// Run through `npm run screenshots` (= build, then test/e2e/run.sh --screenshots, which installs and starts
// code-server). usage: node test/e2e/screenshots.js <codeServerBaseUrl> <workspaceFolder> <extensionDevelopmentPath> <outDir>
// Writes <outDir>/diagnostics.png (squiggles + Problems panel), hover.png (action hover), quickfix.png (Ctrl+.).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [base, folder, devPath, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node screenshots.js <codeServerBaseUrl> <workspaceFolder> <extensionDevelopmentPath> <outDir>');
  process.exit(2);
}
const FILE = 'showcase.json';
const authority = new URL(base).host;
const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${path.resolve(devPath)}`]]);
const url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(payload)}`;
const t0 = Date.now();
const log = (m) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${m}`);

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'smpl-e2e-chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROME || '/usr/bin/chromium', headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const shot = async (name) => {
    await page.waitForTimeout(400); // let animations finish
    await page.screenshot({ path: path.join(outDir, name) });
    log(`wrote ${path.join(outDir, name)}`);
  };
  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view', { timeout: 60000 }).catch(() => {});
    await page.waitForTimeout(3000);
    log('workbench ready');

    // Open the showcase policy with Quick Open.
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(FILE);
    await page.waitForSelector(`.quick-input-widget .monaco-list-row:has-text("${FILE}")`, { timeout: 15000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').waitFor({ timeout: 30000 });
    log(`${FILE} open`);

    // 1. Diagnostics: squiggles and the Problems panel.
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 30000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("pass-role-without-service")', { timeout: 20000 });
    await shot('diagnostics.png');
    await page.keyboard.press('Control+J'); // hide the panel again
    await page.waitForTimeout(500);

    // 2. Hover on an action name.
    const action = editor.locator('.view-line span', { hasText: 'sagemaker:DescribeTrainingJob' }).last();
    await action.hover();
    await page.waitForSelector('.monaco-hover:has-text("Grants permission to")', { state: 'visible', timeout: 20000 });
    await shot('hover.png');
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);

    // 3. Quick fix on iam:PassRole (Ctrl+.).
    const passRole = editor.locator('.view-line span', { hasText: 'iam:PassRole' }).last();
    await passRole.click();
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row:has-text("iam:PassedToService")', { timeout: 20000 });
    await shot('quickfix.png');
    await page.keyboard.press('Escape');
    return 0;
  } catch (e) {
    console.error('SCREENSHOTS FAILED:', String(e && e.message || e).split('\n')[0]);
    const failed = path.join(os.tmpdir(), 'smpl-e2e-screenshots-failure.png');
    await page.screenshot({ path: failed }).catch(() => {});
    console.error(`page at the failure: ${failed}`);
    return 1;
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(udd, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
