import { useState } from 'react';
import { useStore } from '../../store/index';
import { selectEditor } from '../../store/selectors';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from './ErrorNote';

/** Both devices' rendered scripts, stage by stage; lines whose syntax is unconfirmed are marked. */
export function ScriptPreview() {
  const { render, renderError, valid, validating } = useStore(selectEditor);
  const [device, setDevice] = useState<'a' | 'b'>('a');
  const [undo, setUndo] = useState(false);
  const { t } = useAppTranslation();

  let body;
  if (renderError) body = (
      <p className="error-text">
        <ErrorLine error={renderError} />
      </p>
    );
  else if (!render) body = <p className="muted">{t(validating ? 'pairing.script.checking' : valid === false ? 'pairing.script.needValid' : 'pairing.script.nothing')}</p>;
  else if (undo) body = <pre className="script">{render.devices[device].undo.join('\n')}</pre>;
  else
    body = (
      <pre className="script" aria-label={t('pairing.script.scriptFor', { device: device.toUpperCase() })}>
        {render.devices[device].lines.map((l, i) => (
          <div key={i} className={`line stage-${l.stage}${l.verified ? '' : ' unverified'}`} title={t(l.verified ? 'pairing.script.stage' : 'pairing.script.stageUnverified', { stage: l.stage })}>
            {l.text}
          </div>
        ))}
      </pre>
    );

  return (
    <section className="card preview" aria-label={t('pairing.script.label')}>
      <div className="preview-head">
        <h3>{t('pairing.script.title')}</h3>
        <div role="tablist" aria-label={t('pairing.script.device')}>
          {(['a', 'b'] as const).map((k) => (
            <button key={k} role="tab" type="button" aria-selected={device === k} onClick={() => setDevice(k)}>
              {t('pairing.script.deviceTab', { device: k.toUpperCase() })}
            </button>
          ))}
        </div>
        <label className="inline">
          <input type="checkbox" checked={undo} onChange={(e) => setUndo(e.target.checked)} /> {t('pairing.script.undo')}
        </label>
      </div>
      {body}
      <p className="muted small">{t('pairing.script.dotted')}</p>
    </section>
  );
}
