import { largePolicy } from '/work/main/scripts/bench.mjs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const e = require('/tmp/prof/out/engine.js');
const text = largePolicy(5000);
const now=()=>performance.now();
const l = new e.IncrementalLinter();
let t0=now(); l.lint(text); console.log('first', (now()-t0).toFixed(1));
globalThis.__trace=1;
const at2 = text.indexOf('"', text.indexOf('"Action"', text.indexOf('"Stmt2600"')) + 9) + 4;
let cur = text;
for (let r=0;r<6;r++){ cur = r===0? cur.slice(0,at2)+'x'+cur.slice(at2) : cur.slice(0,at2)+'abcdefghij'[r]+cur.slice(at2+1); t0=now(); const res=l.lint(cur); console.log("action edit", (now()-t0).toFixed(1), "rules", globalThis.__sum.toFixed(1)); globalThis.__sum=0; }
