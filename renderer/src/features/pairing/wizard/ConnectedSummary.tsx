import type { ConnectOutput } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';

/** Where a connected device is, as the host reported it. */
export function ConnectedSummary({ info }: { info: ConnectOutput }) {
  const { t } = useAppTranslation();
  return (
    <dl className="facts compact" aria-label={t('wizard.summary.label', { device: info.device.toUpperCase() })}>
      <dt>{t('wizard.summary.connected')}</dt>
      <dd>
        <strong>{info.sysname}</strong> · <code>{info.prompt}</code>
      </dd>
      <dt>{t('wizard.summary.link')}</dt>
      <dd>{info.label}</dd>
      {info.baud !== undefined && (
        <>
          <dt>{t('wizard.summary.speed')}</dt>
          <dd>{t('wizard.summary.baud', { baud: String(info.baud), auto: info.autoBaud ? 'yes' : 'no' })}</dd>
        </>
      )}
      {info.fingerprint && (
        <>
          <dt>{t('wizard.summary.hostKey')}</dt>
          <dd>
            <code>{info.fingerprint}</code>
          </dd>
        </>
      )}
      <dt>{t('wizard.summary.transcript')}</dt>
      <dd className="small">
        <code>{info.transcript}</code>
      </dd>
    </dl>
  );
}
