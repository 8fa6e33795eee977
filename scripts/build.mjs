// Bundles the client, the language server and the CLI into dist/ with esbuild, and copies the
// generated IAM reference data beside them (it is read lazily from disk, not bundled into JS).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // jsonc-parser's "main" is a UMD build whose dynamic requires break once bundled; its ESM build does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

// Remove only what this script writes: a packaged dist/*.vsix stays, so the real-editor suite can install it.
for (const output of ['dist/client', 'dist/data', 'dist/server.js', 'dist/server.js.map', 'dist/cli.js', 'dist/cli.js.map']) {
  rmSync(output, { recursive: true, force: true });
}
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
mkdirSync('dist/data', { recursive: true });
cpSync('server/data', 'dist/data', { recursive: true });
chmodSync('dist/cli.js', 0o755);
console.log('built dist/ (client, server, cli, data)');
