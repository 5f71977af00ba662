import { parse as parseCsv } from 'csv-parse/sync';
import { zipSync } from 'fflate';
import { AppError } from '../../core/base/errors';
import { bundleIdentity, bundleMembers } from '../../core/bundle/build';
import { inventoryToPairInputs } from '../../core/bundle/inventory';
import { readBundle, writeBundle } from '../../core/bundle/node/container';
import { seal, type SealedSecret, type SigningKey } from '../../core/bundle/node/crypto';
import type { Pair } from '../../core/model/pair';
import { loadPairObject } from '../../core/model/pair-loader';
import type { PlatformPack } from '../../core/platforms/pack';
import type { Manifest } from '../../core/bundle/manifest';
import type { Message } from '../../core/base/message';
import type { Diagnostic } from '../../contract/index';
import { fromLoadError, openPairDoc, requireValidPair } from '../pair-text';

/** Why one inventory row was refused, as the reader's language can say it: a core message, or the row's load errors and findings. */
export interface RefusedRow {
  row: number;
  column?: string;
  said?: Message;
  diagnostics?: Diagnostic[];
}

export interface Created {
  file: { name: string; data: string };
  count: number;
  /** The English of each refused row. */
  refused: string[];
  /** `refused`, index for index, with its codes. */
  refusedSaid: RefusedRow[];
  manifest?: Manifest;
}

function sign(pair: Pair, pack: PlatformPack, key: SigningKey, sealed?: SealedSecret): Buffer {
  return writeBundle({ ...bundleIdentity(pair, pack), createdAt: new Date().toISOString(), members: bundleMembers(pair, pack, sealed) }, key);
}

export interface BundleSecrets {
  passphrase: string;
  a: string;
  b: string;
}

/** One pair (the editor's current file) → one signed .hpb, refused whole when the pair has errors. */
export function createOne(text: string, key: SigningKey, secrets?: BundleSecrets): Created {
  const { pair, pack } = requireValidPair(text, 'unbundled', 'pairing');
  // The same shape `hotpair bundle create --with-passwords` writes, so either tool applies it.
  const sealed = secrets
    ? seal(JSON.stringify({ a: { sysname: pair.devices.a.sysname, password: secrets.a }, b: { sysname: pair.devices.b.sysname, password: secrets.b } }), secrets.passphrase)
    : undefined;
  const bytes = sign(pair, pack, key, sealed);
  return { file: { name: `${pair.name}.hpb`, data: bytes.toString('base64') }, count: 1, refused: [], refusedSaid: [], manifest: manifestOf(bytes) };
}

/**
 * Many sites: one bundle per inventory row over an optional template, as `hotpair bundle create
 * --inventory` does; bad rows are listed with their reason and the good ones still bundled, all in
 * one .zip so the browser downloads a single file.
 */
export function createFromInventory(csv: string, templateText: string | undefined, key: SigningKey): Created {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    const reason = (e as Error).message;
    throw new AppError('VALIDATION', `The inventory is not readable CSV: ${reason}`, {
      fix: 'One header row of dotted pair-file paths, then one row per pair.',
      message: { key: 'bundle.inventory-csv', params: { reason } },
    });
  }
  const template = templateText?.trim() ? openPairDoc('template', templateText) : {};
  const { pairs, errors } = inventoryToPairInputs(rows, template);
  const refused: string[] = [];
  const refusedSaid: RefusedRow[] = [];
  const refuse = (english: string, said: RefusedRow) => {
    refused.push(english);
    refusedSaid.push(said);
  };
  for (const e of errors) refuse(`row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.message}`, { row: e.row, said: e.said, ...(e.column ? { column: e.column } : {}) });
  const files: Record<string, Uint8Array> = {};
  for (const { row, input } of pairs) {
    const loaded = loadPairObject(input);
    if (!loaded.ok) {
      const shown = loaded.errors.slice(0, 3);
      refuse(`row ${row}: ${shown.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { row, diagnostics: shown.map(fromLoadError) });
      continue;
    }
    if (!loaded.valid) {
      const findings = loaded.diagnostics.filter((d) => d.severity === 'error');
      refuse(`row ${row}: ${findings.map((d) => `${d.path}: ${d.message} [${d.rule}]`).join('; ')}`, { row, diagnostics: findings });
      continue;
    }
    const name = `${loaded.pair.name}.hpb`;
    if (files[name]) {
      const pairName = loaded.pair.name;
      refuse(`row ${row}: pair name "${pairName}" repeats an earlier row; names must be unique (they name the files)`, { row, said: { code: 'bundle.row-repeat', params: { name: pairName } } });
      continue;
    }
    files[name] = sign(loaded.pair, loaded.pack, key);
  }
  const count = Object.keys(files).length;
  if (count === 0) {
    throw new AppError('VALIDATION', `No inventory row made a bundle (${refused.length} refused).`, {
      details: { refused: refused.slice(0, 50) },
      message: { key: 'bundle.no-rows', params: { refused: String(refused.length) } },
    });
  }
  // .hpb files are signed zips already: store them, compressing again gains nothing
  const zip = zipSync(files, { level: 0 });
  const stamp = new Date().toISOString().slice(0, 10);
  return { file: { name: `bundles-${stamp}.zip`, data: Buffer.from(zip).toString('base64') }, count, refused, refusedSaid };
}

/** Read back through the container, so what the UI shows is exactly what a verifier will see. */
const manifestOf = (bytes: Buffer): Manifest => readBundle(bytes, { isTrusted: () => true, allowUntrusted: true }).manifest;
