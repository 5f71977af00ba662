import { useEffect, useMemo, useState } from 'react';
import { saidText } from '../../../../src/i18n/progress';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { ErrorLine } from '../pairing/ErrorNote';
import { HealthChart } from './HealthChart';
import { NotifyToggle } from './NotifyToggle';
import { PairCard } from './PairCard';
import { selectMonitorError, selectMonitorPairs, selectMonitorReceivers, selectMonitorSamples } from './selectors';
import { StartPanel } from './StartPanel';
import { Timeline } from './Timeline';
import './monitor.css';

/** Ages on the cards ("12 s ago") move on without waiting for an event. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function MonitorScreen() {
  const { t, i18n } = useAppTranslation();
  const pairs = useStore(selectMonitorPairs);
  const samples = useStore(selectMonitorSamples);
  const receivers = useStore(selectMonitorReceivers);
  const error = useStore(selectMonitorError);
  const load = useStore((s) => s.loadMonitor);
  const now = useNow(5000);
  useEffect(() => void load(), [load]);
  const list = useMemo(() => Object.values(pairs).sort((x, y) => x.pair.localeCompare(y.pair)), [pairs]);
  return (
    <div className="screen monitor">
      <header className="screen-head">
        <h1>{t('monitor.title')}</h1>
        <span className="muted small">
          {receivers.syslog ? t('monitor.receivers.syslog', { address: receivers.syslog }) : list.length ? t('monitor.receivers.syslogOff') : ''}
          {receivers.metrics ? <> · {t('monitor.receivers.metrics', { address: receivers.metrics })}</> : ''}
        </span>
        <NotifyToggle />
      </header>
      {error && (
        <div className="card error-box" role="alert">
          <strong>
            <ErrorLine error={error} />
          </strong>
        </div>
      )}
      {receivers.warnings.length > 0 && (
        <ul className="card warnings" aria-label={t('monitor.warnings')}>
          {receivers.warnings.slice(-3).map((w, n, shown) => (
            <li key={w} className="warn-text small">
              {saidText(i18n, receivers.warningsSaid?.[receivers.warnings.length - shown.length + n] ?? undefined, w)}
            </li>
          ))}
        </ul>
      )}
      {list.length === 0 ? <StartPanel /> : null}
      {list.map((p) => (
        <div key={p.pair} className="pair-block">
          <PairCard status={p} now={now} />
          <HealthChart pair={p.pair} samples={samples[p.pair] ?? []} />
        </div>
      ))}
      {list.length > 0 && (
        <details className="more-pairs">
          <summary>{t('monitor.another')}</summary>
          <StartPanel />
        </details>
      )}
      <Timeline />
    </div>
  );
}
