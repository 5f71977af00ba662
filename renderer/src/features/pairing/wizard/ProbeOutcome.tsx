import type { ApplyOutput } from '../../../../../src/contract/index';
import { saidText } from '../../../../../src/i18n/progress';
import { useAppTranslation } from '../../../i18n';

/** What the devices said of the planned lines before the push, and the reason given to push anyway. */
export function ProbeOutcome({ probe }: { probe: ApplyOutput['probe'] }) {
  const { t, i18n } = useAppTranslation();
  if (!probe) return null;
  if (probe.status === 'confirmed') return <p className="muted small">{t('wizard.probe.outcomeConfirmed')}</p>;
  const count = probe.unconfirmed.length;
  return (
    <div className="warn-text probe-outcome">
      <p>
        {probe.status === 'forced' ? (
          <>
            <strong>{t('wizard.probe.forced')}</strong> {t('wizard.probe.forcedDetail', { count })} <q>{probe.reason}</q>
          </>
        ) : (
          <>
            <strong>{t('wizard.probe.refused')}</strong> {t('wizard.probe.refusedDetail', { count })}
          </>
        )}
      </p>
      <ul>
        {probe.unconfirmed.map((u, n) => (
          <li key={u}>
            <code>{saidText(i18n, probe.unconfirmedSaid?.[n], u)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
