// Regenerates the rule table in README.md (between the rules-table markers) from the rule registry,
// so the README always lists what ships. Run after `tsc -p .`: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ALL_RULES } = require('../out/server/src/engine/rules/index.js');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

export function rulesTable() {
  const rows = [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id)).map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.summary.replace(/\|/g, '\\|')} |`);
  return [START, '| Rule | Default | What it finds |', '|---|---|---|', ...rows, END].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const readme = readFileSync('README.md', 'utf8');
  const next = readme.replace(new RegExp(`${START}[\\s\\S]*?${END}`), rulesTable());
  writeFileSync('README.md', next);
  console.log(`README.md rule table: ${ALL_RULES.length} rules`);
}
