import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { toErrorInfo } from '../../core/base/errors';
import { scriptToConfigFile, usbIndex } from '../../core/bundle/export';
import { readBundle } from '../../core/bundle/node/container';
import { parsePack } from '../../core/platforms/pack';
import { keyPassphrase, openKeyStore } from './keystore';

interface ExportOptions {
  output: string;
  usb?: boolean;
  serialA?: string;
  serialB?: string;
}

export function registerExportCfg(bundle: Command): void {
  bundle
    .command('export-cfg <file>')
    .description('write plain per-device .cfg files (for manual paste), or --usb for USB automatic configuration')
    .requiredOption('-o, --output <DIR>', 'folder to write into')
    .option('--usb', "lay out an index file plus per-device .cfg, per the platform pack, for the appliance's USB auto-configuration")
    .option('--serial-a <SN>', 'device A serial number for the USB index (default: its sysname)')
    .option('--serial-b <SN>', 'device B serial number for the USB index (default: its sysname)')
    .action((file: string, o: ExportOptions) => {
      try {
        const store = openKeyStore();
        const b = readBundle(readFileSync(file), { isTrusted: (fp) => store.isTrusted(fp, keyPassphrase()) });
        const packParsed = parsePack(b.members['pack.json']!.toString('utf8'));
        if (!packParsed.ok) throw new Error(`the bundle's platform pack is unreadable: ${packParsed.issues.join('; ')}`);
        const pack = packParsed.pack;
        mkdirSync(o.output, { recursive: true });
        const names = b.manifest.pair.sysnames;
        const written: string[] = [];
        for (const k of ['a', 'b'] as const) {
          const script = b.members[`${k}.cfg`]!.toString('utf8');
          const name = `${names[k]}.cfg`;
          writeFileSync(join(o.output, name), o.usb ? scriptToConfigFile(script, pack) : script);
          written.push(name);
          if (!o.usb) {
            writeFileSync(join(o.output, `${names[k]}.undo.cfg`), b.members[`${k}.undo.cfg`]!);
            written.push(`${names[k]}.undo.cfg`);
          }
        }
        if (o.usb) {
          const index = usbIndex(pack, [
            { serial: o.serialA ?? names.a, file: `${names.a}.cfg` },
            { serial: o.serialB ?? names.b, file: `${names.b}.cfg` },
          ]);
          writeFileSync(join(o.output, pack.usbAutoConfig.indexFile), index);
          written.push(pack.usbAutoConfig.indexFile);
          if (!pack.usbAutoConfig.verified) process.stderr.write('note: the USB index format of this platform pack is unverified; check it against the appliance release notes.\n');
        }
        process.stdout.write(`wrote ${written.map((w) => join(o.output, w)).join(', ')}\n`);
      } catch (e) {
        const info = toErrorInfo(e);
        process.stderr.write(`hotpair: ${info.message}\n${info.fix ? `  fix: ${info.fix}\n` : ''}`);
        process.exitCode = info.code === 'BUNDLE_INVALID' ? 1 : 2;
      }
    });
}
