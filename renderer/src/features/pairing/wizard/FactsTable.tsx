import { Fragment, useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { DeviceFacts, FactMismatch } from '../../../../../src/contract/index';
import { mismatchText } from '../../../../../src/i18n/discover';
import { useAppTranslation } from '../../../i18n';

// Values read from the devices (roles, modes, states, interface names) are shown as the device prints them.
type Read = (f: DeviceFacts, t: TFunction<'app'>) => string | undefined;
const ROWS: { id: string; read: Read }[] = [
  { id: 'sysname', read: (f) => f.sysname },
  { id: 'model', read: (f) => f.model },
  { id: 'softwareVersion', read: (f) => f.softwareVersion },
  { id: 'release', read: (f) => f.release },
  { id: 'serialNumber', read: (f) => f.serialNumber },
  { id: 'clock', read: (f) => f.clock },
  { id: 'rbm', read: (f, t) => (f.rbm?.configured ? [f.rbm.role, f.rbm.mode, f.rbm.controlChannel].filter(Boolean).join(', ') || t('wizard.facts.configured') : t('wizard.facts.notConfigured')) },
  { id: 'vrrp', read: (f, t) => (f.vrrp.length ? f.vrrp.map((v) => `${v.interface} vrid ${v.vrid} ${v.state}`).join('; ') : t('wizard.facts.none')) },
  { id: 'track', read: (f, t) => (f.tracks.length ? f.tracks.map((x) => `${x.id} ${x.state}`).join('; ') : t('wizard.facts.none')) },
];

const worst = (ms: FactMismatch[]) => (ms.some((m) => m.severity === 'error') ? 'error' : ms.some((m) => m.severity === 'warning') ? 'warning' : ms.length ? 'info' : undefined);

/** Both devices side by side; a row the comparison flagged is highlighted and says why. */
export function FactsTable({ a, b, mismatches }: { a: DeviceFacts; b: DeviceFacts; mismatches: FactMismatch[] }) {
  const names = useMemo(() => [...new Set([...a.interfaces, ...b.interfaces].map((i) => i.name))].sort(), [a, b]);
  const ifOf = (f: DeviceFacts, n: string) => f.interfaces.find((i) => i.name === n);
  const ifMismatch = mismatches.filter((m) => m.field.startsWith('interfaces'));
  const { t, i18n } = useAppTranslation();
  const say = (m: FactMismatch) => mismatchText(i18n, m).message;
  const unknown = <span className="muted">{t('wizard.facts.unknown')}</span>;
  const iface = (x: DeviceFacts['interfaces'][number] | undefined) =>
    x ? [x.address, x.link, x.aggregateMember && t('wizard.facts.member', { aggregate: x.aggregateMember })].filter(Boolean).join(' · ') || '—' : t('wizard.facts.missing');
  return (
    <table className="facts-table">
      <caption className="sr-only">{t('wizard.facts.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wizard.facts.fact')}</th>
          <th scope="col">{t('wizard.device', { device: 'A' })}</th>
          <th scope="col">{t('wizard.device', { device: 'B' })}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const ms = mismatches.filter((m) => m.field === r.id || m.field.startsWith(`${r.id}.`));
          const w = worst(ms);
          return (
            <Fragment key={r.id}>
              <tr className={w ? `row-${w}` : undefined} data-fact={r.id}>
                <th scope="row">{t(`wizard.facts.${r.id}`)}</th>
                <td>{r.read(a, t) ?? unknown}</td>
                <td>{r.read(b, t) ?? unknown}</td>
              </tr>
              {ms.map((m) => (
                <tr key={m.field} className={`row-${m.severity} row-note`}>
                  <td colSpan={3}>
                    {m.severity === 'error' ? '✖' : m.severity === 'warning' ? '⚠' : 'ℹ'} {say(m)}
                  </td>
                </tr>
              ))}
            </Fragment>
          );
        })}
        <tr className={worst(ifMismatch) ? `row-${worst(ifMismatch)}` : undefined} data-fact="interfaces">
          <th scope="row" colSpan={3}>
            {t('wizard.facts.interfaces', { a: a.interfaces.length, b: b.interfaces.length })}
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
              <td>{iface(x)}</td>
              <td>{iface(y)}</td>
            </tr>
          );
        })}
        {ifMismatch.map((m) => (
          <tr key={m.field} className={`row-${m.severity} row-note`}>
            <td colSpan={3}>{say(m)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
