/**
 * What to monitor, from a pair file (YAML/JSON) or an inventory CSV (one row per pair, dotted
 * column paths as in src/core/bundle/inventory.ts, optionally over a template pair). Pure: the
 * caller reads the files. Only what monitoring needs is kept: names, sysnames, connect URLs.
 */
import { inventoryToPairInputs } from '../bundle/inventory';
import { type ConnectTarget, parseConnectUrl } from '../model/connect';
import { loadPairText } from '../model/load';
import { Pair, type DeviceKey } from '../model/pair';

export interface TargetDevice {
  sysname: string;
  connect: ConnectTarget;
  passwordEnv?: string;
  identityFile?: string;
}

export interface MonitorTarget {
  name: string;
  devices: Record<DeviceKey, TargetDevice>;
}

export type TargetsResult = { ok: true; targets: MonitorTarget[] } | { ok: false; errors: string[] };

function fromPair(p: Pair): MonitorTarget {
  const dev = (k: DeviceKey): TargetDevice => {
    const d = p.devices[k];
    const c = parseConnectUrl(d.connect);
    if (!c.ok) throw new Error(c.message); // the Pair schema already checked it
    return { sysname: d.sysname, connect: c.target, ...(d.passwordEnv ? { passwordEnv: d.passwordEnv } : {}), ...(d.identityFile ? { identityFile: d.identityFile } : {}) };
  };
  return { name: p.name, devices: { a: dev('a'), b: dev('b') } };
}

export function targetsFromPairText(text: string, fileName: string): TargetsResult {
  const r = loadPairText(text, fileName);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => `${fileName}${e.line !== undefined ? `:${e.line}` : ''}: ${e.path ? `${e.path}: ` : ''}${e.message}`) };
  return { ok: true, targets: [fromPair(r.pair)] };
}

export function targetsFromInventory(csv: string, fileName: string, template: Record<string, unknown> = {}): TargetsResult {
  const rows = parseCsv(csv);
  const inv = inventoryToPairInputs(rows, template);
  const errors = inv.errors.map((e) => `${fileName} row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
  const targets: MonitorTarget[] = [];
  for (const { row, input } of inv.pairs) {
    const p = Pair.safeParse(input);
    if (p.success) targets.push(fromPair(p.data));
    else errors.push(...p.error.issues.map((i) => `${fileName} row ${row}: ${i.path.join('.')}: ${i.message}`));
  }
  const names = new Set<string>();
  for (const t of targets) {
    if (names.has(t.name)) errors.push(`${fileName}: pair name "${t.name}" appears twice; names key the history`);
    names.add(t.name);
  }
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) → rows keyed by the header line. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      rec.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      rec.push(field);
      records.push(rec);
      rec = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || rec.length > 0) {
    rec.push(field);
    records.push(rec);
  }
  const [header, ...data] = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
