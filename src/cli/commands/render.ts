import type { Command } from 'commander';
import { isAppError } from '../../core/base/errors';
import type { DeviceKey, Pair } from '../../core/model/pair';
import { renderPair, renderUndo, type RenderedPair, type RenderedScript } from '../../core/render/index';
import { readPackFile } from '../pack-file';
import { readValidPair } from '../pair-file';

export interface RenderOptions {
  device?: string;
  undo?: boolean;
  pack?: string;
  json?: boolean;
}

/**
 * `hotpair render <file>`: exit 0 rendered, 1 the pair has rule errors (or cannot be expressed by
 * the pack), 2 unreadable file or bad option. The script goes to stdout exactly as it is typed on
 * the device; the list of lines whose syntax is unverified goes to stderr after it, so that
 * `> fw1.cfg` captures a clean script.
 */
export function runRender(file: string, opts: RenderOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (opts.device !== undefined && opts.device !== 'a' && opts.device !== 'b') {
    err(`hotpair: --device must be a or b (got "${opts.device}")\n`);
    return 2;
  }
  const pack = readPackFile(opts.pack);
  if (!pack.ok) {
    err(`hotpair: ${pack.message}\n`);
    return 2;
  }
  const loaded = readValidPair(file, pack.pack, `not rendered — correct the errors above (hotpair validate ${file} lists warnings too)`);
  if (!loaded.ok) {
    err(loaded.message);
    return loaded.exit;
  }
  let scripts: RenderedPair;
  try {
    scripts = opts.undo ? renderUndo(loaded.pair, pack.pack) : renderPair(loaded.pair, pack.pack);
  } catch (e) {
    if (!isAppError(e)) throw e;
    err(`hotpair: ${e.message}${e.fix ? `\n  fix: ${e.fix}` : ''}\n`);
    return 1;
  }
  const keys: DeviceKey[] = opts.device ? [opts.device as DeviceKey] : ['a', 'b'];
  if (opts.json) {
    const body: Record<string, unknown> = { name: loaded.pair.name, undo: opts.undo === true };
    for (const k of keys) body[k] = { sysname: loaded.pair.devices[k].sysname, lines: scripts[k].lines };
    out(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  for (const k of keys) {
    // A header only when both devices are printed; a single device's output is the bare script.
    if (keys.length > 1) out(`${k === 'a' ? '' : '\n'}${header(loaded.pair, k, opts.undo === true)}\n`);
    out(scripts[k].lines.map((l) => `${l.text}\n`).join(''));
  }
  const notes = unverifiedNote(scripts, keys);
  if (notes) err(notes);
  return 0;
}

function header(pair: Pair, k: DeviceKey, undo: boolean): string {
  const d = pair.devices[k];
  return `# ---- device ${k}: ${d.sysname}${d.role ? ` (${d.role})` : ''}${undo ? ', undo' : ''} ----`;
}

/** The lines whose template is marked unverified, by device and line number, to confirm on the device. */
export function unverifiedNote(scripts: RenderedPair, keys: readonly DeviceKey[]): string {
  const rows: string[] = [];
  for (const k of keys) {
    const s: RenderedScript = scripts[k];
    s.lines.forEach((l, i) => {
      if (!l.verified) rows.push(`  ${k}:${i + 1}  ${l.text}`);
    });
  }
  if (rows.length === 0) return '';
  return [
    '',
    `note: ${rows.length} line(s) use command syntax not yet verified against vendor documentation`,
    '      (shared/docs/comware-cli.md §7); confirm with `?` on the device, or correct the template',
    '      with `hotpair pack dump > pack.json` and `--pack pack.json`:',
    ...rows,
    '',
  ].join('\n');
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('print the command scripts for both devices (exit 0 rendered, 1 rule errors, 2 unreadable)')
    .argument('<file>', 'pair file (YAML or JSON)')
    .option('--device <a|b>', 'only this device')
    .option('--undo', 'the scripts that remove what the render adds')
    .option('--pack <file>', 'platform pack (JSON) to use instead of the built-in Comware V7 pack')
    .option('--json', 'print the rendered lines with stage, view and verified flags as JSON')
    .action((file: string, opts: RenderOptions) => {
      process.exitCode = runRender(file, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
