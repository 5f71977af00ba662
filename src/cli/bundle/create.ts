import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { toErrorInfo } from '../../core/base/errors';
import { bundleIdentity, bundleMembers } from '../../core/bundle/build';
import { inventoryToPairInputs } from '../../core/bundle/inventory';
import { writeBundle } from '../../core/bundle/node/container';
import { seal, type SigningKey } from '../../core/bundle/node/crypto';
import { Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import { hasErrors, validatePair } from '../../core/validate/index';
import { terminalPromptIo } from '../credentials';
import { readPackFile } from '../pack-file';
import { readValidPair } from '../pair-file';
import { formatDiagnostic } from '../commands/validate';
import { keyPassphrase, openKeyStore } from './keystore';
import { registerExportCfg } from './export-cfg';

interface CreateOptions {
  output?: string;
  inventory?: string;
  template?: string;
  pack?: string;
  withPasswords?: boolean;
  bundlePassphraseEnv?: string;
  keyPassphraseEnv?: string;
}

async function bundlePassphrase(o: CreateOptions): Promise<string> {
  if (o.bundlePassphraseEnv) {
    const v = process.env[o.bundlePassphraseEnv];
    if (!v) throw new Error(`--bundle-passphrase-env: environment variable ${o.bundlePassphraseEnv} is not set`);
    return v;
  }
  const io = terminalPromptIo();
  if (!io.isTTY) throw new Error('--with-passwords needs a passphrase: pass --bundle-passphrase-env NAME (not on a terminal to ask)');
  const a = await io.secret('bundle passphrase: ');
  if (a !== (await io.secret('again: '))) throw new Error('the two passphrases differ');
  return a;
}

/** Device passwords come from each device's passwordEnv in the pair file, never from the file itself. */
function devicePasswords(pair: Pair): string {
  const out: Record<string, { sysname: string; password: string }> = {};
  for (const k of ['a', 'b'] as const) {
    const env = pair.devices[k].passwordEnv;
    if (!env) throw new Error(`devices.${k}.passwordEnv is not set in the pair file: name the environment variable holding ${pair.devices[k].sysname}'s password`);
    const v = process.env[env];
    if (!v) throw new Error(`environment variable ${env} (devices.${k}.passwordEnv) is not set`);
    out[k] = { sysname: pair.devices[k].sysname, password: v };
  }
  return JSON.stringify(out);
}

function makeBundle(pair: Pair, pack: PlatformPack, key: SigningKey, secrets?: unknown): Buffer {
  return writeBundle({ ...bundleIdentity(pair, pack), createdAt: new Date().toISOString(), members: bundleMembers(pair, pack, secrets) }, key);
}

async function createOne(file: string, o: CreateOptions, pack: PlatformPack, key: SigningKey): Promise<number> {
  const r = readValidPair(file, pack);
  if (!r.ok) {
    process.stderr.write(r.message);
    return r.exit;
  }
  const secrets = o.withPasswords ? seal(devicePasswords(r.pair), await bundlePassphrase(o)) : undefined;
  const out = o.output ?? `${r.pair.name}.hpb`;
  writeFileSync(out, makeBundle(r.pair, pack, key, secrets));
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

// Bundle files being written at once: enough to keep file creation (slow on a busy or network
// file system) off the rendering path, few enough to bound the memory held by pending writes.
const WRITES_IN_FLIGHT = 32;

/**
 * Many sites: one bundle per inventory row; bad rows are reported, good rows are still written.
 * Files are written in the background while the next rows render (the 1,000-pair benchmark spent
 * a third of its time in open(2)); a failed write fails the whole run, as a synchronous one did.
 */
export async function createFromInventory(csvText: string, template: Record<string, unknown>, pack: PlatformPack, key: SigningKey, outDir: string, log: (s: string) => void): Promise<{ written: number; failed: number }> {
  const rows = parseCsv(csvText, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const { pairs, errors } = inventoryToPairInputs(rows, template);
  let failed = errors.length;
  for (const e of errors) log(`row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.message}\n`);
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  const names = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown;
  for (const { row, input } of pairs) {
    const parsed = Pair.safeParse(input);
    if (!parsed.success) {
      failed++;
      for (const i of parsed.error.issues.slice(0, 5)) log(`row ${row}: ${i.path.join('.')}: ${i.message}\n`);
      continue;
    }
    const diags = validatePair(parsed.data, {}, pack);
    if (hasErrors(diags)) {
      failed++;
      for (const d of diags.filter((x) => x.severity === 'error')) log(`row ${row}: ${formatDiagnostic(d)}`);
      continue;
    }
    if (names.has(parsed.data.name)) {
      failed++;
      log(`row ${row}: pair name "${parsed.data.name}" repeats an earlier row; names must be unique (they name the files)\n`);
      continue;
    }
    names.add(parsed.data.name);
    const w: Promise<void> = writeFile(join(outDir, `${parsed.data.name}.hpb`), makeBundle(parsed.data, pack, key))
      .then(() => void written++)
      .catch((e: unknown) => void (writeError ??= e))
      .finally(() => inFlight.delete(w));
    inFlight.add(w);
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (writeError !== undefined) throw writeError;
  return { written, failed };
}

export function registerBundleCreate(bundle: Command): void {
  bundle
    .command('create [pair-file]')
    .description('sign a bundle for one pair, or one per row of --inventory')
    .option('-o, --output <PATH>', 'bundle file (one pair) or folder (--inventory)')
    .option('--inventory <CSV>', 'one row per pair; headers are dotted pair-file paths (devices.a.controlChannel.localIp)')
    .option('--template <FILE>', 'with --inventory: YAML pair laid under every row')
    .option('--pack <FILE>', 'platform pack (default: built-in Comware V7)')
    .option('--with-passwords', "include device passwords (from each device's passwordEnv), passphrase-encrypted")
    .option('--bundle-passphrase-env <NAME>', 'environment variable holding the bundle passphrase')
    .option('--key-passphrase-env <NAME>', 'environment variable holding the signing-key passphrase')
    .action(async (file: string | undefined, o: CreateOptions) => {
      try {
        const pack = readPackFile(o.pack);
        if (!pack.ok) throw new Error(pack.message);
        const key = openKeyStore().signingKey(keyPassphrase(o.keyPassphraseEnv));
        if (o.inventory) {
          if (!o.output) throw new Error('--inventory needs -o <folder>');
          const template = o.template ? ((parseYaml(readFileSync(o.template, 'utf8')) ?? {}) as Record<string, unknown>) : {};
          const started = performance.now();
          const r = await createFromInventory(readFileSync(o.inventory, 'utf8'), template, pack.pack, key, o.output, (s) => process.stderr.write(s));
          process.stdout.write(`wrote ${r.written} bundles to ${o.output} in ${((performance.now() - started) / 1000).toFixed(2)} s${r.failed ? `; ${r.failed} rows refused (above)` : ''}\n`);
          process.exitCode = r.failed ? 1 : 0;
          return;
        }
        if (!file) throw new Error('name a pair file, or pass --inventory');
        process.exitCode = await createOne(file, o, pack.pack, key);
      } catch (e) {
        process.stderr.write(`hotpair: ${toErrorInfo(e).message}\n`);
        process.exitCode = 2;
      }
    });
  registerExportCfg(bundle);
}
