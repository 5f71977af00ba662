import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { toErrorInfo } from '../../core/base/errors';
import { usbFiles, usbLayoutOf, type UsbDevice } from '../../core/bundle/export';
import { readBundle } from '../../core/bundle/node/container';
import { parsePack, type PlatformPack } from '../../core/platforms/pack';
import { readPackFile } from '../pack-file';
import { keyPassphrase, openKeyStore } from './keystore';
import { t } from '../i18n';
import { errorLines } from '../error-text';

export interface ExportOptions {
  output: string;
  usb?: boolean;
  serialA?: string;
  serialB?: string;
  macA?: string;
  macB?: string;
  /** `hotpair discover --json` output for each device: its serial number and MAC. */
  discoveredA?: string;
  discoveredB?: string;
  /** A platform pack whose USB layout replaces the bundle's (the scripts stay as signed). */
  pack?: string;
}

/** Serial and MAC from a saved `hotpair discover --json` ({ok, data} envelope, or the facts alone). */
function discovered(file: string | undefined): { serial?: string; mac?: string } {
  if (file === undefined) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { ok?: boolean; data?: unknown; error?: { message?: string } };
  if (raw.ok === false) throw new Error(t('bundle.failedDiscovery', { file, message: raw.error?.message ?? t('bundle.noFacts') }));
  const facts = (raw.ok === true ? raw.data : raw) as { serialNumber?: unknown; mac?: unknown };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const out: { serial?: string; mac?: string } = {};
  const serial = str(facts.serialNumber);
  const mac = str(facts.mac);
  if (serial !== undefined) out.serial = serial;
  if (mac !== undefined) out.mac = mac;
  return out;
}

/**
 * Writes the bundle's per-device files into o.output and returns their names: the scripts and
 * undo scripts as they are, or with --usb the layout of the platform pack (configuration files
 * plus the index). Verifies the bundle's signature first. Throws on any problem.
 */
export function exportCfg(file: string, o: ExportOptions, isTrusted: (fp: string) => boolean, warn: (text: string) => void): string[] {
  const b = readBundle(readFileSync(file), { isTrusted });
  const own = parsePack(b.members['pack.json']!.toString('utf8'));
  if (!own.ok) throw new Error(t('bundle.packUnreadable', { issues: own.issues.join('; ') }));
  let pack: PlatformPack = own.pack;
  if (o.pack !== undefined) {
    const p = readPackFile(o.pack);
    if (!p.ok) throw new Error(p.message);
    pack = { ...own.pack, usbAutoConfig: p.pack.usbAutoConfig };
  }
  const names = b.manifest.pair.sysnames;
  const script = (k: 'a' | 'b') => b.members[`${k}.cfg`]!.toString('utf8');
  let files: { name: string; text: string | Buffer }[];
  if (o.usb) {
    const device = (k: 'a' | 'b', serial: string | undefined, mac: string | undefined, facts: string | undefined): UsbDevice => {
      const d = discovered(facts);
      return { sysname: names[k], serial: serial ?? d.serial, mac: mac ?? d.mac, script: script(k) };
    };
    files = usbFiles(pack, [device('a', o.serialA, o.macA, o.discoveredA), device('b', o.serialB, o.macB, o.discoveredB)], b.manifest.createdAt);
    const layout = usbLayoutOf(pack);
    if (!layout.verified) warn(`${t('bundle.usbUnverified', { note: layout.note || 'none' })}\n`);
  } else {
    files = (['a', 'b'] as const).flatMap((k) => [
      { name: `${names[k]}.cfg`, text: script(k) },
      { name: `${names[k]}.undo.cfg`, text: b.members[`${k}.undo.cfg`]! },
    ]);
  }
  mkdirSync(o.output, { recursive: true });
  for (const f of files) writeFileSync(join(o.output, f.name), f.text);
  return files.map((f) => f.name);
}

export function registerExportCfg(bundle: Command): void {
  bundle
    .command('export-cfg <file>')
    .description(t('bundle.export.desc'))
    .requiredOption('-o, --output <DIR>', t('bundle.export.output'))
    .option('--usb', t('bundle.export.usb'))
    .option('--serial-a <SN>', t('bundle.export.serialA'))
    .option('--serial-b <SN>', t('bundle.export.serialB'))
    .option('--mac-a <MAC>', t('bundle.export.macA'))
    .option('--mac-b <MAC>', t('bundle.export.macB'))
    .option('--discovered-a <FILE>', t('bundle.export.discoveredA'))
    .option('--discovered-b <FILE>', t('bundle.export.discoveredB'))
    .option('--pack <FILE>', t('bundle.export.pack'))
    .action((file: string, o: ExportOptions) => {
      try {
        const store = openKeyStore();
        const written = exportCfg(file, o, (fp) => store.isTrusted(fp, keyPassphrase()), (t) => process.stderr.write(t));
        process.stdout.write(`${t('bundle.wrote', { file: written.map((w) => join(o.output, w)).join(', ') })}\n`);
      } catch (e) {
        const info = toErrorInfo(e);
        process.stderr.write(errorLines(info));
        process.exitCode = info.code === 'BUNDLE_INVALID' ? 1 : 2;
      }
    });
}
