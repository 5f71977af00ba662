import type { DeviceFacts, RbmFact } from '../model/facts';

/** Left-aligned columns; the last column is not padded so lines carry no trailing spaces. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const dash = (v: unknown): string => (v === undefined || v === '' ? '-' : String(v));

function rbmLines(r: RbmFact | undefined): string[] {
  if (r === undefined) return ['  (not read)'];
  if (!r.configured) return ['  not configured'];
  const out: string[] = [];
  // After a primary/secondary switchover the role in effect differs from the configured one.
  const role = r.runningRole !== undefined && r.runningRole !== r.role ? `${r.role ?? 'no role'} (running as ${r.runningRole})` : r.role;
  const head = [role, r.runningStatus, r.mode].filter((x) => x !== undefined).join(', ');
  out.push(`  ${head || 'configured'}`);
  const port = r.port === undefined ? '' : `:${r.port}`;
  out.push(`  control channel ${dash(r.controlChannel)}  ${dash(r.localIp)} -> ${dash(r.remoteIp)}${port}`);
  if (r.keepaliveInterval !== undefined || r.keepaliveCount !== undefined) out.push(`  keepalive ${dash(r.keepaliveInterval)} s x ${dash(r.keepaliveCount)}`);
  if (r.dataChannelInterface !== undefined) out.push(`  data channel ${r.dataChannelInterface} ${r.dataChannelState ?? ''}`.trimEnd());
  if (r.consistency !== undefined) out.push(`  configuration consistency ${r.consistency}${r.consistencyInterval ? ` (check interval: ${r.consistencyInterval})` : ''}`);
  if (r.peer) out.push(`  peer: ${[r.peer.role, r.peer.runningStatus, r.peer.localIp].filter((x) => x !== undefined).join(', ') || 'seen'}`);
  const last = r.switchovers?.[r.switchovers.length - 1];
  if (last) out.push(`  last switchover ${last.time}: ${last.from} to ${last.to} (${last.cause})`);
  return out;
}

/** DeviceFacts as the readable report `hotpair discover` prints. */
export function formatFacts(f: DeviceFacts): string {
  const out: string[] = [];
  const kv: [string, string | undefined][] = [
    ['Sysname', f.sysname === undefined ? undefined : `${f.sysname}${f.promptPrefix ? ` (prompt ${f.promptPrefix})` : ''}`],
    ['Model', [f.vendor, f.model].filter(Boolean).join(' ') || undefined],
    ['Software', [f.softwareVersion, f.release].filter(Boolean).join(' ') || undefined],
    ['Serial', f.serialNumber],
    ['MAC', f.mac],
    ['Clock', f.clock],
  ];
  for (const [k, v] of kv) out.push(`${k.padEnd(10)}${dash(v)}`);

  out.push('', `Interfaces (${f.interfaces.length})`);
  if (f.interfaces.length > 0) {
    const rows = f.interfaces.map((i) => [i.name, dash(i.link), dash(i.address), dash(i.aggregateMember), i.description ?? '']);
    out.push(...table(['Interface', 'Link', 'Address', 'Aggregate', 'Description'], rows).map((l) => `  ${l}`));
  }

  out.push('', 'RBM', ...rbmLines(f.rbm));

  out.push('', `VRRP groups (${f.vrrp.length})`);
  if (f.vrrp.length > 0) {
    const rows = f.vrrp.map((g) => [g.interface, String(g.vrid), g.state, (g.virtualIps ?? (g.virtualIp ? [g.virtualIp] : [])).join(' ') || '-', dash(g.priority), dash(g.rbmGroup)]);
    out.push(...table(['Interface', 'VRID', 'State', 'Virtual IP', 'Priority', 'RBM'], rows).map((l) => `  ${l}`));
  }

  out.push('', `Track entries (${f.tracks.length})`);
  if (f.tracks.length > 0) out.push(...table(['ID', 'State', 'Interface'], f.tracks.map((t) => [String(t.id), t.state, dash(t.interface)])).map((l) => `  ${l}`));

  if (f.warnings.length > 0) out.push('', `Warnings (${f.warnings.length})`, ...f.warnings.map((w) => `  - ${w}`));
  return `${out.join('\n')}\n`;
}
