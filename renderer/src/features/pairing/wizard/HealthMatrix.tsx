import type { HealthCheck } from '../../../../../src/contract/index';
import { healthCheckText } from '../../../../../src/i18n/core-text';
import { useAppTranslation } from '../../../i18n';

const MARK: Record<HealthCheck['status'], string> = { pass: 'pass', fail: 'fail', warn: 'warn', 'n/a': 'na' };

/** The pair health matrix: each named check with its verdict, the reason and, when not passing, the fix. */
export function HealthMatrix({ checks, caption }: { checks: readonly HealthCheck[]; caption: string }) {
  const { t, i18n } = useAppTranslation();
  return (
    <table className="health">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('wizard.health.check')}</th>
          <th scope="col">{t('wizard.health.result')}</th>
          <th scope="col">{t('wizard.health.reason')}</th>
          <th scope="col">{t('wizard.health.fix')}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => {
          // Core's words in the user's language where the check carries its code; its English otherwise.
          const text = healthCheckText(i18n, c);
          return (
            <tr key={c.id} className={`health-${c.status.replace('/', '')}`} data-check={c.id}>
              <th scope="row">{text.title}</th>
              <td className="health-mark">{t(`wizard.health.${MARK[c.status]}`)}</td>
              <td>{text.reason}</td>
              <td>{c.status === 'pass' ? '' : text.fix}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
