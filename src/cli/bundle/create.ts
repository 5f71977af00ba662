import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../core/base/errors';
import { bundleIdentity, bundleMembers } from '../../core/bundle/build';
import { inventoryToPairInputs } from '../../core/bundle/inventory';
import { writeBundle } from '../../core/bundle/node/container';
import { seal, type SigningKey } from '../../core/bundle/node/crypto';
import type { LoadError } from '../../core/model/load';
import { readPairDocFile, readTextFile } from '../../core/model/node/read-pair';
import type { Pair } from '../../core/model/pair';
import { loadPairObject } from '../../core/model/pair-loader';
import { MAX_INVENTORY_BYTES } from '../../core/model/text-guards';
import type { PlatformPack } from '../../core/platforms/pack';
import { cliCore } from '../../i18n/node/cli-core';
import { terminalPromptIo } from '../credentials';
import { readPackFile } from '../pack-file';
import { readValidPair } from '../pair-file';
import { formatDiagnostic, formatLoadError, isRefusal } from '../commands/validate';
import { keyPassphrase, openKeyStore } from './keystore';
import { registerExportCfg } from './export-cfg';
import { t } from '../i18n';
import { errorMessage } from '../error-text';

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
    if (!v) throw new Error(t('bundle.passphraseEnvUnset', { name: o.bundlePassphraseEnv }));
    return v;
  }
  const io = terminalPromptIo();
  if (!io.isTTY) throw new Error(t('bundle.needPassphrase'));
  const a = await io.secret(t('bundle.passphrase'));
  if (a !== (await io.secret(t('bundle.again')))) throw new Error(t('bundle.passphrasesDiffer'));
  return a;
}

/** Device passwords come from each device's passwordEnv in the pair file, never from the file itself. */
function devicePasswords(pair: Pair): string {
  const out: Record<string, { sysname: string; password: string }> = {};
  for (const k of ['a', 'b'] as const) {
    const env = pair.devices[k].passwordEnv;
    if (!env) throw new Error(t('bundle.noPasswordEnv', { device: k, sysname: pair.devices[k].sysname }));
    const v = process.env[env];
    if (!v) throw new Error(t('bundle.passwordEnvUnset', { name: env, device: k }));
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
  process.stdout.write(`${t('bundle.wrote', { file: out })}\n`);
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
  const rows = csvRows(csvText);
  const { pairs, errors } = inventoryToPairInputs(rows, template);
  const tr = cliCore();
  let failed = errors.length;
  for (const e of errors) log(`${t('bundle.rowError', { row: e.row, column: e.column || 'none', message: tr.text(e.said.code, e.said.params, e.message) })}\n`);
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  const names = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown;
  for (const { row, input } of pairs) {
    const loaded = loadPairObject(input, { pack });
    if (!loaded.ok) {
      failed++;
      for (const e of loaded.errors.slice(0, 5)) log(`${t('bundle.row', { row, text: `${e.path ? `${e.path}: ` : ''}${loadErrorText(e)}` })}\n`);
      continue;
    }
    if (!loaded.valid) {
      failed++;
      for (const d of loaded.diagnostics.filter((x) => x.severity === 'error')) log(t('bundle.row', { row, text: formatDiagnostic(d) }));
      continue;
    }
    const { pair } = loaded;
    if (names.has(pair.name)) {
      failed++;
      log(`${t('bundle.rowRepeat', { row, name: pair.name })}\n`);
      continue;
    }
    names.add(pair.name);
    const w: Promise<void> = writeFile(join(outDir, `${pair.name}.hpb`), makeBundle(pair, loaded.pack, key))
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

function csvRows(csvText: string): Record<string, string>[] {
  try {
    return parseCsv(csvText, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    const reason = (e as Error).message;
    throw new AppError('VALIDATION', `The inventory is not readable CSV: ${reason}`, {
      fix: 'One header row of dotted pair-file paths, then one row per pair.',
      message: { key: 'bundle.inventory-csv', params: { reason } },
    });
  }
}

/** A load error's own sentence in the run's language. */
const loadErrorText = (e: LoadError): string => (e.key === undefined ? e.message : cliCore().text(e.key, e.params, e.message));

/** A file that did not load, in the run's language: a refused file is its sentence alone (the caller adds "hotpair:"), else file:line: message per error. */
const loadErrorLines = (file: string, errors: readonly LoadError[]): string =>
  isRefusal(errors) ? loadErrorText(errors[0]!) : errors.map((e) => formatLoadError(file, e).trimEnd()).join('\n');

function readTemplate(file: string): Record<string, unknown> {
  const r = readPairDocFile(file);
  if (!r.ok) throw new Error(loadErrorLines(file, r.errors));
  return r.doc;
}

export function registerBundleCreate(bundle: Command): void {
  bundle
    .command('create [pair-file]')
    .description(t('bundle.create.desc'))
    .option('-o, --output <PATH>', t('bundle.create.output'))
    .option('--inventory <CSV>', t('bundle.create.inventory'))
    .option('--template <FILE>', t('bundle.create.template'))
    .option('--pack <FILE>', t('bundle.create.pack'))
    .option('--with-passwords', t('bundle.create.withPasswords'))
    .option('--bundle-passphrase-env <NAME>', t('bundle.create.bundlePassphraseEnv'))
    .option('--key-passphrase-env <NAME>', t('bundle.keyPassphraseEnv'))
    .action(async (file: string | undefined, o: CreateOptions) => {
      try {
        const pack = readPackFile(o.pack);
        if (!pack.ok) throw new Error(pack.message);
        const key = openKeyStore().signingKey(keyPassphrase(o.keyPassphraseEnv));
        if (o.inventory) {
          if (!o.output) throw new Error(t('bundle.inventoryNeedsOutput'));
          const template = o.template ? readTemplate(o.template) : {};
          const csv = readTextFile(o.inventory, { maxBytes: MAX_INVENTORY_BYTES, what: 'inventory' });
          if (!csv.ok) throw new Error(loadErrorLines(o.inventory, [csv.error]));
          const started = performance.now();
          const r = await createFromInventory(csv.text, template, pack.pack, key, o.output, (s) => process.stderr.write(s));
          process.stdout.write(`${t('bundle.wroteMany', { written: r.written, dir: o.output, seconds: ((performance.now() - started) / 1000).toFixed(2), failed: r.failed })}\n`);
          process.exitCode = r.failed ? 1 : 0;
          return;
        }
        if (!file) throw new Error(t('bundle.needsFile'));
        process.exitCode = await createOne(file, o, pack.pack, key);
      } catch (e) {
        process.stderr.write(`${t('error', { message: errorMessage(e) })}\n`);
        process.exitCode = 2;
      }
    });
  registerExportCfg(bundle);
}
