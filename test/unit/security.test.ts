import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The extension reads documents and nothing else: no network, no child processes, no dynamic code.
// Checked on our sources and on the shipped bundles (dist/, built by npm test before the unit tests).

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/client/extension.js'];

/** Node modules that open connections, run programs or compile code. */
const FORBIDDEN_MODULES = ['child_process', 'http', 'https', 'http2', 'net', 'dgram', 'tls', 'dns', 'vm', 'worker_threads', 'inspector', 'cluster'];
const DYNAMIC_CODE = /\beval\s*\(|\bnew\s+Function\s*\(|\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bimportScripts\b/;

/**
 * Library modules that carry such requires for transports and process handling we do not use: the
 * language client forks the server over Node IPC (VS Code's own mechanism for language servers), and
 * the server and JSON-RPC libraries include pipe/socket transports that only run when asked for.
 */
const LIBRARY_TRANSPORTS = /^\/\/ node_modules\/(vscode-languageclient|vscode-languageserver|vscode-languageserver-protocol\/node_modules\/vscode-jsonrpc|vscode-jsonrpc)\/lib\/node\//;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

const importPattern = (m: string) => new RegExp(`(from\\s+|require\\(\\s*)['"](node:)?${m}['"]`);

describe('security: our sources', () => {
  const files = [...sourceFiles(path.join(ROOT, 'client', 'src')), ...sourceFiles(path.join(ROOT, 'server', 'src'))];

  it('import no module that opens connections, runs programs or compiles code', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of FORBIDDEN_MODULES) {
        if (!importPattern(m).test(text)) continue;
        found.push(`${path.relative(ROOT, file)} imports ${m}`);
      }
    }
    assert.ok(files.length > 50, `only ${files.length} source files found`);
    assert.deepEqual(found, []);
  });

  it('the engine imports only its own modules, jsonc-parser, and node:fs / node:path (to read the reference data)', () => {
    const engineFiles = sourceFiles(path.join(ROOT, 'server', 'src', 'engine'));
    const found: string[] = [];
    for (const file of engineFiles) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
        const allowed = specifier.startsWith('.') || specifier === 'jsonc-parser' || ((specifier === 'node:fs' || specifier === 'node:path') && /engine[\\/]data[\\/]/.test(file));
        if (!allowed) found.push(`${path.relative(ROOT, file)} imports ${specifier}`);
      }
    }
    assert.ok(engineFiles.length > 40, `only ${engineFiles.length} engine files found`);
    assert.deepEqual(found, []);
  });

  it('contain no eval, new Function, fetch or sockets', () => {
    const found = files.filter((f) => DYNAMIC_CODE.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    assert.deepEqual(found, []);
  });
});

describe('security: the shipped bundles', () => {
  for (const bundle of BUNDLES) {
    it(`${bundle}: no dynamic code, and connection/process modules only inside the LSP libraries' transports`, () => {
      const lines = fs.readFileSync(path.join(ROOT, bundle), 'utf8').split('\n');
      const found: string[] = [];
      let module = '';
      lines.forEach((line, i) => {
        if (/^\/\/ (node_modules|server|client|scripts)\//.test(line)) module = line;
        if (DYNAMIC_CODE.test(line)) found.push(`${bundle}:${i + 1} (${module}): ${line.trim().slice(0, 120)}`);
        for (const m of FORBIDDEN_MODULES) {
          if (!new RegExp(`require\\(["'](node:)?${m}["']\\)`).test(line)) continue;
          const allowed = LIBRARY_TRANSPORTS.test(module) && (m === 'child_process' || m === 'net');
          if (!allowed) found.push(`${bundle}:${i + 1} (${module}): requires ${m}`);
        }
      });
      assert.deepEqual(found, []);
    });
  }
});

describe('security: the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('supports untrusted and virtual workspaces', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });

  it('activates on JSON documents and commands only (no "*" activation)', () => {
    const events: string[] = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activates on startup');
  });

  it('has no runtime dependency beyond the LSP libraries and jsonc-parser', () => {
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['jsonc-parser', 'vscode-languageclient', 'vscode-languageserver', 'vscode-languageserver-textdocument']);
  });
});
