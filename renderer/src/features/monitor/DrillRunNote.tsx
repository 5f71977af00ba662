import type { RunSummary } from '../../../../src/contract/index';
import { useAppTranslation } from '../../i18n';

/** A drill in Recent runs: what it moved and the interruption it measured, not a commissioning outcome. */
export function DrillRunNote({ drill }: { drill: NonNullable<RunSummary['drill']> }) {
  const { t, i18n } = useAppTranslation();
  const what = drill.kind === 'link' ? (drill.interface ? t('drill.run.link', { interface: drill.interface }) : t('drill.run.linkUnnamed')) : t('drill.run.switchover');
  const figures = [
    drill.switchoverMs !== null && t('drill.run.switchoverMs', { ms: Math.round(drill.switchoverMs) }),
    drill.interruptionMs !== null ? t('drill.run.interruptionMs', { ms: Math.round(drill.interruptionMs) }) : drill.outcome === 'passed' && t('drill.run.notProbed'),
    drill.failedProbes !== null && drill.failedProbes > 0 && t('drill.run.failedProbes', { count: drill.failedProbes }),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <>
      <span className={`badge${drill.outcome === 'failed' ? ' badge-bad' : ''}`}>{t(`drill.run.outcome.${drill.outcome}`)}</span>
      <span className="muted small drill-run">
        {' '}
        {figures.length ? t('drill.run.figures', { what, figures: figures.join(i18n.t('core:sep.comma')) }) : what}
      </span>
    </>
  );
}
