import { ENGLISH, type Message, type MessageParams, type Translator } from '../base/message';
import type { DeviceFacts, RbmFact } from '../model/facts';
import { parserWarningSaid } from '../parse/warning-said';
import { displayWidth } from '../provision/format';

/** Left-aligned columns (by terminal width, so CJK headings line up); the last column is not padded so lines carry no trailing spaces. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const dash = (v: unknown): string => (v === undefined || v === '' ? '-' : String(v));

/** The report's words (`discover.facts.…`) in the reader's language; device values stay as read. */
type Say = (code: string, english: string, params?: MessageParams) => string;
const sayer =
  (tr: Translator): Say =>
  (code, english, params) =>
    tr.text(`discover.facts.${code}`, params, english);

function rbmLines(r: RbmFact | undefined, say: Say): string[] {
  if (r === undefined) return [`  ${say('not-read', '(not read)')}`];
  if (!r.configured) return [`  ${say('not-configured', 'not configured')}`];
  const out: string[] = [];
  // After a primary/secondary switchover the role in effect differs from the configured one.
  const configured = r.role ?? say('no-role', 'no role');
  const role = r.runningRole !== undefined && r.runningRole !== r.role ? say('running-as', `${configured} (running as ${r.runningRole})`, { role: configured, running: r.runningRole }) : r.role;
  const head = [role, r.runningStatus, r.mode].filter((x) => x !== undefined).join(', ');
  out.push(`  ${head || say('configured', 'configured')}`);
  const port = r.port === undefined ? '' : `:${r.port}`;
  const ends = { state: dash(r.controlChannel), local: dash(r.localIp), remote: `${dash(r.remoteIp)}${port}` };
  out.push(`  ${say('control-channel', `control channel ${ends.state}  ${ends.local} -> ${ends.remote}`, ends)}`);
  if (r.keepaliveInterval !== undefined || r.keepaliveCount !== undefined) {
    const keepalive = { interval: dash(r.keepaliveInterval), count: dash(r.keepaliveCount) };
    out.push(`  ${say('keepalive', `keepalive ${keepalive.interval} s x ${keepalive.count}`, keepalive)}`);
  }
  if (r.dataChannelInterface !== undefined) {
    const state = r.dataChannelState ?? '';
    out.push(`  ${say('data-channel', `data channel ${r.dataChannelInterface} ${state}`, { interface: r.dataChannelInterface, state })}`.trimEnd());
  }
  if (r.consistency !== undefined) {
    const interval = r.consistencyInterval ? say('check-interval', ` (check interval: ${r.consistencyInterval})`, { interval: r.consistencyInterval }) : '';
    out.push(`  ${say('consistency', `configuration consistency ${r.consistency}`, { result: r.consistency })}${interval}`);
  }
  if (r.peer) {
    const seen = [r.peer.role, r.peer.runningStatus, r.peer.localIp].filter((x) => x !== undefined).join(', ') || say('peer-seen', 'seen');
    out.push(`  ${say('peer', `peer: ${seen}`, { peer: seen })}`);
  }
  const last = r.switchovers?.[r.switchovers.length - 1];
  if (last) out.push(`  ${say('last-switchover', `last switchover ${last.time}: ${last.from} to ${last.to} (${last.cause})`, { time: last.time, from: last.from, to: last.to, cause: last.cause })}`);
  return out;
}

/** One warning in the reader's language by its message; device values as written. */
export function warningText(f: DeviceFacts, index: number, tr: Translator = ENGLISH): string {
  const english = f.warnings[index] ?? '';
  // Facts recorded before parsers' warnings were coded (older journals) are read back from their English.
  const said: Message | null | undefined = f.warningsSaid?.[index] ?? parserWarningSaid(english);
  return said ? tr.text(said.code, said.params, english) : english;
}

/** DeviceFacts as the readable report `hotpair discover` prints, in the reader's language (English by default). */
export function formatFacts(f: DeviceFacts, tr: Translator = ENGLISH): string {
  const say = sayer(tr);
  const out: string[] = [];
  const kv: [string, string | undefined][] = [
    [say('sysname', 'Sysname'), f.sysname === undefined ? undefined : f.promptPrefix ? say('sysname-prompt', `${f.sysname} (prompt ${f.promptPrefix})`, { sysname: f.sysname, prefix: f.promptPrefix }) : f.sysname],
    [say('model', 'Model'), [f.vendor, f.model].filter(Boolean).join(' ') || undefined],
    [say('software', 'Software'), [f.softwareVersion, f.release].filter(Boolean).join(' ') || undefined],
    [say('serial', 'Serial'), f.serialNumber],
    [say('mac', 'MAC'), f.mac],
    [say('clock', 'Clock'), f.clock],
  ];
  const labelWidth = Math.max(10, ...kv.map(([k]) => displayWidth(k) + 2));
  for (const [k, v] of kv) out.push(`${k}${' '.repeat(labelWidth - displayWidth(k))}${dash(v)}`);

  const count = (n: number) => ({ count: String(n) });
  out.push('', say('interfaces', `Interfaces (${f.interfaces.length})`, count(f.interfaces.length)));
  if (f.interfaces.length > 0) {
    const rows = f.interfaces.map((i) => [i.name, dash(i.link), dash(i.address), dash(i.aggregateMember), i.description ?? '']);
    const head = [say('col.interface', 'Interface'), say('col.link', 'Link'), say('col.address', 'Address'), say('col.aggregate', 'Aggregate'), say('col.description', 'Description')];
    out.push(...table(head, rows).map((l) => `  ${l}`));
  }

  out.push('', say('rbm', 'RBM'), ...rbmLines(f.rbm, say));

  out.push('', say('vrrp', `VRRP groups (${f.vrrp.length})`, count(f.vrrp.length)));
  if (f.vrrp.length > 0) {
    const rows = f.vrrp.map((g) => [g.interface, String(g.vrid), g.state, (g.virtualIps ?? (g.virtualIp ? [g.virtualIp] : [])).join(' ') || '-', dash(g.priority), dash(g.rbmGroup)]);
    const head = [say('col.interface', 'Interface'), say('col.vrid', 'VRID'), say('col.state', 'State'), say('col.virtual-ip', 'Virtual IP'), say('col.priority', 'Priority'), say('col.rbm', 'RBM')];
    out.push(...table(head, rows).map((l) => `  ${l}`));
  }

  out.push('', say('tracks', `Track entries (${f.tracks.length})`, count(f.tracks.length)));
  if (f.tracks.length > 0) {
    const head = [say('col.id', 'ID'), say('col.state', 'State'), say('col.interface', 'Interface')];
    out.push(...table(head, f.tracks.map((t) => [String(t.id), t.state, dash(t.interface)])).map((l) => `  ${l}`));
  }

  if (f.warnings.length > 0) out.push('', say('warnings', `Warnings (${f.warnings.length})`, count(f.warnings.length)), ...f.warnings.map((_, i) => `  - ${warningText(f, i, tr)}`));
  return `${out.join('\n')}\n`;
}
