/**
 * What to monitor, from a pair file (YAML/JSON) or an inventory CSV (one row per pair, dotted
 * column paths as in src/core/bundle/inventory.ts, optionally over a template pair). Pure: the
 * caller reads the files. Only what monitoring needs is kept: names, sysnames, connect URLs.
 */
import type { Message, MessageParam } from '../base/message';
import { part } from '../base/limit';
import { inventoryToPairInputs } from '../bundle/inventory';
import { type ConnectTarget, parseConnectUrl } from '../model/connect';
import { loadPairText, type LoadError } from '../model/load';
import { loadPairObject } from '../model/pair-loader';
import type { DeviceKey, Pair } from '../model/pair';

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

/** `errors` are English lines; `said` holds the same lines, index for index, as core messages (`monitor.targets.…`). */
export type TargetsResult = { ok: true; targets: MonitorTarget[] } | { ok: false; errors: string[]; said: Message[] };

/** What went wrong in a file: each problem as its English line and as a message. */
class Problems {
  readonly errors: string[] = [];
  readonly said: Message[] = [];
  add(english: string, said: Message): void {
    this.errors.push(english);
    this.said.push(said);
  }
}

/** A load error's own message as a param: its key when it has one, its English otherwise. */
const reasonOf = (e: LoadError): MessageParam => (e.key === undefined ? e.message : part({ code: e.key, ...(e.params ? { params: e.params } : {}) }));

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
  if (r.ok) return { ok: true, targets: [fromPair(r.pair)] };
  const problems = new Problems();
  for (const e of r.errors) {
    // File, line and field are values, the catalogue only says how they frame the reason.
    const where = `${fileName}${e.line !== undefined ? `:${e.line}` : ''}${e.path ? `: ${e.path}` : ''}`;
    problems.add(`${where}: ${e.message}`, { code: 'monitor.targets.at', params: { where, reason: reasonOf(e) } });
  }
  return { ok: false, errors: problems.errors, said: problems.said };
}

export function targetsFromInventory(csv: string, fileName: string, template: Record<string, unknown> = {}): TargetsResult {
  const rows = parseCsv(csv);
  const inv = inventoryToPairInputs(rows, template);
  const problems = new Problems();
  for (const e of inv.errors) {
    const params = { file: fileName, row: String(e.row), reason: part(e.said) };
    if (e.column) problems.add(`${fileName} row ${e.row} (${e.column}): ${e.message}`, { code: 'monitor.targets.cell', params: { ...params, column: e.column } });
    else problems.add(`${fileName} row ${e.row}: ${e.message}`, { code: 'monitor.targets.row', params });
  }
  const targets: MonitorTarget[] = [];
  for (const { row, input } of inv.pairs) {
    // Only the schema matters here: the rules' findings are for the pair file, not for watching it.
    const p = loadPairObject(input);
    if (p.ok) targets.push(fromPair(p.pair));
    else
      for (const e of p.errors) {
        const path = e.path ?? '';
        problems.add(`${fileName} row ${row}: ${path}: ${e.message}`, { code: 'monitor.targets.field', params: { file: fileName, row: String(row), path, reason: reasonOf(e) } });
      }
  }
  const names = new Set<string>();
  for (const t of targets) {
    if (names.has(t.name)) problems.add(`${fileName}: pair name "${t.name}" appears twice; names key the history`, { code: 'monitor.targets.twice', params: { file: fileName, name: t.name } });
    names.add(t.name);
  }
  return problems.errors.length ? { ok: false, errors: problems.errors, said: problems.said } : { ok: true, targets };
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
