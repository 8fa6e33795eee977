import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/engine/rules';

const ROOT = resolve(__dirname, '../../..');
const catalog = readFileSync(join(ROOT, 'docs/RULES.md'), 'utf8');
/** Catalog rows look like: | `rule-id` | W | what | fix | */
const catalogIds = new Map([...catalog.matchAll(/^\| `([a-z0-9-]+)` \| ([EWIH][^|]*)\|/gm)].map((m) => [m[1], m[2].trim()]));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SEVERITY_LETTER = { error: 'E', warning: 'W', info: 'I', hint: 'H' } as const;

describe('rule registry', () => {
  it('has ids of lower-case words and hyphens (findings are ordered by id with a plain comparison)', () => {
    for (const rule of ALL_RULES) assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('has unique ids', () => {
    assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, ALL_RULES.length);
  });
  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      it('is a catalog id with the catalog default severity', () => {
        const severity = catalogIds.get(rule.id);
        assert.ok(severity !== undefined, `${rule.id} is not in docs/RULES.md`);
        assert.ok(severity.includes(SEVERITY_LETTER[rule.defaultSeverity]), `${rule.id}: catalog says ${severity}, rule says ${rule.defaultSeverity}`);
      });
      it('has a docs page with what, why, examples and how to turn it off', () => {
        const page = join(ROOT, 'docs/rules', `${rule.id}.md`);
        assert.ok(existsSync(page), `missing docs/rules/${rule.id}.md`);
        const text = readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${rule.id}`, 'm'));
        for (const section of ['## Why', '## Bad', '## Good', '## Turn it off']) assert.ok(text.includes(section), `docs/rules/${rule.id}.md lacks "${section}"`);
      });
      it('has a test file with a firing and a clean case', () => {
        const file = join(ROOT, 'test/unit/rules', `${rule.id}.test.ts`);
        assert.ok(existsSync(file), `missing test/unit/rules/${rule.id}.test.ts`);
        const text = readFileSync(file, 'utf8');
        assert.match(text, /it\('fires/, `${rule.id} tests lack a firing case ("it('fires ...")`);
        assert.match(text, /it\('clean/, `${rule.id} tests lack a clean case ("it('clean ...")`);
      });
      it('is listed in the README rule table (npm run docs:rules)', () => {
        assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README.md does not list ${rule.id}: run npm run docs:rules`);
      });
      it('has a one-line summary', () => {
        assert.ok(rule.summary.length > 10 && !rule.summary.includes('\n'));
      });
    });
  }
});
