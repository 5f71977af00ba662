import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { DeviceConnectCard } from './DeviceConnectCard';
import { OneCableStep } from './OneCableStep';

/** Step 1: both devices side by side (discovery opens once both are connected), or one console cable for both. */
export function ConnectStep() {
  const both = useStore((s) => s.wizard.devices.a.status === 'connected' && s.wizard.devices.b.status === 'connected');
  const oneCable = useStore((s) => s.oneCable.on);
  const busy = useStore((s) => s.oneCable.status === 'running');
  const { goStep, setOneCable } = useStore.getState();
  const { t } = useAppTranslation();
  return (
    <>
      <fieldset className="kind connect-how" disabled={busy}>
        <legend>{t('wizard.connect.how')}</legend>
        <label className="inline">
          <input type="radio" name="connect-how" checked={!oneCable} onChange={() => setOneCable({ on: false })} /> {t('wizard.connect.both')}
        </label>
        <label className="inline">
          <input type="radio" name="connect-how" checked={oneCable} onChange={() => setOneCable({ on: true })} /> {t('wizard.connect.oneCable')}
        </label>
      </fieldset>
      {oneCable ? (
        <OneCableStep />
      ) : (
        <>
          <div className="two-up">
            <DeviceConnectCard k="a" />
            <DeviceConnectCard k="b" />
          </div>
          <div className="button-row step-actions">
            <button type="button" className="primary" disabled={!both} onClick={() => goStep('discover')}>
              {t('wizard.connect.next')}
            </button>
            {!both && <span className="muted">{t('wizard.connect.needBoth')}</span>}
          </div>
        </>
      )}
    </>
  );
}
