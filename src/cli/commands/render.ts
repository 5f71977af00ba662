import type { Command } from 'commander';
import { isAppError } from '../../core/base/errors';
import type { DeviceKey, Pair } from '../../core/model/pair';
import { renderPair, renderUndo, type RenderedPair, type RenderedScript } from '../../core/render/index';
import { readPackFile } from '../pack-file';
import { readValidPair } from '../pair-file';
import { t } from '../i18n';
import { errorLines } from '../error-text';

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
    err(`${t('render.badDevice', { device: opts.device })}\n`);
    return 2;
  }
  const pack = readPackFile(opts.pack);
  if (!pack.ok) {
    err(`${t('error', { message: pack.message })}\n`);
    return 2;
  }
  const loaded = readValidPair(file, pack.pack, t('render.notRendered', { file }));
  if (!loaded.ok) {
    err(loaded.message);
    return loaded.exit;
  }
  let scripts: RenderedPair;
  try {
    scripts = opts.undo ? renderUndo(loaded.pair, pack.pack) : renderPair(loaded.pair, pack.pack);
  } catch (e) {
    if (!isAppError(e)) throw e;
    err(errorLines(e));
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
  return t('render.header', { device: k, sysname: d.sysname, role: d.role ?? 'none', undo: undo ? 'yes' : 'no' });
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
    t('render.unverified', { count: rows.length }),
    ...rows,
    '',
  ].join('\n');
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(t('render.desc'))
    .argument('<file>', t('render.file'))
    .option('--device <a|b>', t('render.device'))
    .option('--undo', t('render.undo'))
    .option('--pack <file>', t('packOption'))
    .option('--json', t('render.json'))
    .action((file: string, opts: RenderOptions) => {
      process.exitCode = runRender(file, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}
