import { Fragment, useMemo } from 'react';
import type { DeviceFacts, FactMismatch } from '../../../../../src/contract/index';

type Read = (f: DeviceFacts) => string | undefined;
const ROWS: { id: string; label: string; read: Read }[] = [
  { id: 'sysname', label: 'Sysname', read: (f) => f.sysname },
  { id: 'model', label: 'Model', read: (f) => f.model },
  { id: 'softwareVersion', label: 'Software version', read: (f) => f.softwareVersion },
  { id: 'release', label: 'Release', read: (f) => f.release },
  { id: 'serialNumber', label: 'Serial number', read: (f) => f.serialNumber },
  { id: 'clock', label: 'Clock', read: (f) => f.clock },
  { id: 'rbm', label: 'RBM', read: (f) => (f.rbm?.configured ? [f.rbm.role, f.rbm.mode, f.rbm.controlChannel].filter(Boolean).join(', ') || 'configured' : 'not configured') },
  { id: 'vrrp', label: 'VRRP groups', read: (f) => (f.vrrp.length ? f.vrrp.map((v) => `${v.interface} vrid ${v.vrid} ${v.state}`).join('; ') : 'none') },
  { id: 'track', label: 'Track entries', read: (f) => (f.tracks.length ? f.tracks.map((t) => `${t.id} ${t.state}`).join('; ') : 'none') },
];

const worst = (ms: FactMismatch[]) => (ms.some((m) => m.severity === 'error') ? 'error' : ms.some((m) => m.severity === 'warning') ? 'warning' : ms.length ? 'info' : undefined);

/** Both devices side by side; a row the comparison flagged is highlighted and says why. */
export function FactsTable({ a, b, mismatches }: { a: DeviceFacts; b: DeviceFacts; mismatches: FactMismatch[] }) {
  const names = useMemo(() => [...new Set([...a.interfaces, ...b.interfaces].map((i) => i.name))].sort(), [a, b]);
  const ifOf = (f: DeviceFacts, n: string) => f.interfaces.find((i) => i.name === n);
  const ifMismatch = mismatches.filter((m) => m.field.startsWith('interfaces'));
  return (
    <table className="facts-table">
      <caption className="sr-only">Discovered facts of device A and device B</caption>
      <thead>
        <tr>
          <th scope="col">Fact</th>
          <th scope="col">Device A</th>
          <th scope="col">Device B</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const ms = mismatches.filter((m) => m.field === r.id || m.field.startsWith(`${r.id}.`));
          const w = worst(ms);
          return (
            <Fragment key={r.id}>
              <tr className={w ? `row-${w}` : undefined} data-fact={r.id}>
                <th scope="row">{r.label}</th>
                <td>{r.read(a) ?? <span className="muted">unknown</span>}</td>
                <td>{r.read(b) ?? <span className="muted">unknown</span>}</td>
              </tr>
              {ms.map((m) => (
                <tr key={m.field} className={`row-${m.severity} row-note`}>
                  <td colSpan={3}>
                    {m.severity === 'error' ? '✖' : m.severity === 'warning' ? '⚠' : 'ℹ'} {m.message}
                  </td>
                </tr>
              ))}
            </Fragment>
          );
        })}
        <tr className={worst(ifMismatch) ? `row-${worst(ifMismatch)}` : undefined} data-fact="interfaces">
          <th scope="row" colSpan={3}>
            Interfaces ({a.interfaces.length} on A, {b.interfaces.length} on B)
          </th>
        </tr>
        {names.map((n) => {
          const [x, y] = [ifOf(a, n), ifOf(b, n)];
          const one = !x || !y;
          return (
            <tr key={n} className={one ? 'row-error' : undefined}>
              <th scope="row" className="iface">
                {n}
              </th>
              <td>{x ? [x.address, x.link, x.aggregateMember && `in ${x.aggregateMember}`].filter(Boolean).join(' · ') || '—' : 'missing'}</td>
              <td>{y ? [y.address, y.link, y.aggregateMember && `in ${y.aggregateMember}`].filter(Boolean).join(' · ') || '—' : 'missing'}</td>
            </tr>
          );
        })}
        {ifMismatch.map((m) => (
          <tr key={m.field} className={`row-${m.severity} row-note`}>
            <td colSpan={3}>{m.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
