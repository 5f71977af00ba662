import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { RunSummary } from '../../../../src/contract/index';
import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';
import { errorText } from '../../../../src/i18n/core-text';
import { DrillRunNote } from '../monitor/DrillRunNote';
import { ReportButton } from '../report/ReportButton';

/** Outcomes as an engineer reads them (app:home.recent.outcome); anything new from the core shows as it is. */
function outcomeText(t: TFunction, r: RunSummary): string {
  // A run without its end record was killed mid-push: the one case that needs an action.
  if (r.interrupted) return t('home.recent.interrupted');
  return r.outcome === undefined ? t('home.recent.unknown') : t(`home.recent.outcome.${r.outcome}`, { defaultValue: r.outcome });
}

// Journals stamp UTC; said so, since a field laptop's clock is often on another zone.
const when = (t: TFunction, iso?: string) => (iso ? t('home.recent.when', { time: iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') }) : '');

/** Recent commissioning runs (from the journals the wizard and `hotpair pair` share) and the last bundle made here. */
export function RecentCard() {
  const runs = useStore((s) => s.runs);
  const error = useStore((s) => s.runsError);
  const created = useStore((s) => s.created);
  const loadRuns = useStore((s) => s.loadRuns);
  const { t, i18n } = useAppTranslation();
  // Reloaded on every visit to Home: a run finished on Pairing should be listed on return.
  useEffect(() => void loadRuns(), [loadRuns]);
  return (
    <section className="card" aria-label={t('home.recent.title')}>
      <h2>{t('home.recent.title')}</h2>
      {error && (
        <p className="error-text" role="alert">
          {t('home.recent.journalsError', { message: errorText(i18n, error).message })}
        </p>
      )}
      {runs.length === 0 && !error && <p className="muted">{t('home.recent.none')}</p>}
      {runs.length > 0 && (
        <ul className="examples recent-runs">
          {runs.map((r) => (
            <li key={r.journal}>
              <strong>{r.pair}</strong> <span className="muted">{when(t, r.startedAt)}</span>
              {r.drill ? (
                <DrillRunNote drill={r.drill} />
              ) : (
                <>
                  <span className={`badge${r.interrupted || /fail|incomplete/.test(r.outcome ?? '') ? ' badge-bad' : ''}`}>{outcomeText(t, r)}</span>
                  <span className="muted small"> {t('home.recent.applied', { count: r.applied.a + r.applied.b })}</span>{' '}
                  {!r.interrupted && <ReportButton run={r.journal} label={`${r.pair}, ${when(t, r.startedAt)}`} />}
                </>
              )}
              {r.interrupted && <code className="small journal-path">{r.journal}</code>}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <p className="small">
          {t('home.recent.lastBundle')} <strong>{created.name}</strong>
          {created.count > 1 ? ` ${t('home.recent.bundlePairs', { count: String(created.count) })}` : created.manifest ? ` ${t('home.recent.bundlePair', { name: created.manifest.pair.name })}` : ''}
        </p>
      )}
    </section>
  );
}
