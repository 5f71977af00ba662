#!/usr/bin/env node
// npm run bench [filter]: runs every bench/*.ts exporting run() → [{name, measured, bound, unit}]
// and prints one table: the measured figure, the bound it is compared against, and the ratio.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_') && (!filter || f.includes(filter))).sort();
const rows = [];
let failed = 0;
for (const f of files) {
  process.stderr.write(`bench: ${f} …\n`);
  try {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    for (const r of await mod.run()) rows.push({ file: f, ...r });
  } catch (e) {
    failed++;
    rows.push({ file: f, name: `FAILED: ${e instanceof Error ? e.message : String(e)}`, measured: NaN, bound: NaN, unit: '' });
  }
}
const fmt = (n) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(3)) : '—');
const table = rows.map((r) => ({
  benchmark: r.name,
  measured: `${fmt(r.measured)} ${r.unit}`,
  bound: `${fmt(r.bound)} ${r.unit}`,
  ratio: Number.isFinite(r.measured / r.bound) ? (r.measured / r.bound).toFixed(2) : '—',
  verdict: Number.isFinite(r.measured / r.bound) ? (r.measured <= r.bound ? 'within' : 'OVER') : '—',
}));
const cols = ['benchmark', 'measured', 'bound', 'ratio', 'verdict'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...table.map((t) => String(t[c]).length))]));
const line = (o) => cols.map((c) => String(o[c]).padEnd(width[c])).join('  ');
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
console.log(cols.map((c) => '-'.repeat(width[c])).join('  '));
for (const t of table) console.log(line(t));
process.exitCode = failed ? 1 : 0;
