import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createFromInventory } from '../src/cli/bundle/create';
import { generateSigningKey } from '../src/core/bundle/node/crypto';
import { comware7 } from '../src/core/platforms/comware7';

/** Signed bundles for 1,000 pairs from an inventory in under 3 s (render + zip + sign + write). */
export async function run() {
  const template = parseYaml(readFileSync('resources/examples/as-vrrp.yaml', 'utf8')) as Record<string, unknown>;
  const rows = ['name,devices.a.sysname,devices.b.sysname,devices.a.controlChannel.localIp,devices.b.controlChannel.localIp'];
  for (let i = 0; i < 1000; i++) rows.push(`site-${i},FW${i}A,FW${i}B,10.${i >> 8}.${i & 255}.1,10.${i >> 8}.${i & 255}.2`);
  const dir = mkdtempSync(join(tmpdir(), 'hp-bench-bundles-'));
  const key = generateSigningKey();
  const started = performance.now();
  const r = await createFromInventory(rows.join('\n'), template, comware7, key, dir, (s) => process.stderr.write(s));
  const seconds = (performance.now() - started) / 1000;
  const files = readdirSync(dir).length;
  rmSync(dir, { recursive: true, force: true });
  if (r.written !== 1000 || files !== 1000) throw new Error(`expected 1000 bundles, wrote ${r.written} (${r.failed} refused)`);
  return [{ name: 'bundles for 1,000 pairs from an inventory', measured: seconds, bound: 3, unit: 's' }];
}
