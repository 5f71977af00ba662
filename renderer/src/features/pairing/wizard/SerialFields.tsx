import { useEffect } from 'react';
import { ErrorLine } from '../ErrorNote';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import type { DeviceConnection, DeviceKey } from '../../../store/wizard-types';

const BAUDS = ['auto', '9600', '19200', '38400', '57600', '115200'];

/** Serial: a port picked from the host's list (with USB vendor/product), the speed or auto-baud, the console login. */
export function SerialFields({ k, d, disabled }: { k: DeviceKey; d: DeviceConnection; disabled: boolean }) {
  const ports = useStore((s) => s.wizard.ports);
  const note = useStore((s) => s.wizard.portsNote);
  const error = useStore((s) => s.wizard.portsError);
  const { loadPorts, editConnection } = useStore.getState();
  useEffect(() => {
    if (ports === undefined) void loadPorts();
  }, [ports, loadPorts]);
  const id = (f: string) => `conn-${k}-${f}`;
  const { t } = useAppTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={id('port')}>{t('wizard.serial.port')}</label>
        <div className="field-input inline-controls">
          <select id={id('port')} value={d.serialPath} disabled={disabled} onChange={(e) => editConnection(k, { serialPath: e.target.value })}>
            <option value="">{t(ports === undefined ? 'wizard.serial.looking' : ports.length === 0 ? 'wizard.serial.none' : 'wizard.serial.choose')}</option>
            {(ports ?? []).map((p) => (
              <option key={p.path} value={p.path}>
                {p.path}
                {p.manufacturer || p.product ? ` — ${[p.manufacturer, p.product].filter(Boolean).join(' ')}` : ''}
                {p.vendorId ? ` (${p.vendorId}:${p.productId ?? '?'})` : ''}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void loadPorts()} disabled={disabled}>
            {t('wizard.serial.refresh')}
          </button>
        </div>
      </div>
      {(note || error) && <p className="muted small">{error ? <ErrorLine error={error} /> : note}</p>}
      <div className="field">
        <label htmlFor={id('baud')}>{t('wizard.serial.speed')}</label>
        <div className="field-input">
          <select id={id('baud')} value={d.baud} disabled={disabled} onChange={(e) => editConnection(k, { baud: e.target.value })}>
            {BAUDS.map((b) => (
              <option key={b} value={b}>
                {b === 'auto' ? t('wizard.serial.autoBaud') : t('wizard.serial.baud', { baud: b })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('user')}>{t('wizard.serial.user')}</label>
        <div className="field-input">
          <input id={id('user')} type="text" value={d.username} disabled={disabled} autoComplete="username" onChange={(e) => editConnection(k, { username: e.target.value })} />
        </div>
      </div>
    </>
  );
}
