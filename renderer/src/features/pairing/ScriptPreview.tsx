import { useState } from 'react';
import { useStore } from '../../store/index';
import { selectEditor } from '../../store/selectors';

/** Both devices' rendered scripts, stage by stage; lines whose syntax is unconfirmed are marked. */
export function ScriptPreview() {
  const { render, renderError, valid, validating } = useStore(selectEditor);
  const [device, setDevice] = useState<'a' | 'b'>('a');
  const [undo, setUndo] = useState(false);

  let body;
  if (renderError) body = <p className="error-text">{renderError.message}</p>;
  else if (!render) body = <p className="muted">{validating ? 'Checking…' : valid === false ? 'Scripts are rendered once the pair has no errors.' : 'Nothing rendered yet.'}</p>;
  else if (undo) body = <pre className="script">{render.devices[device].undo.join('\n')}</pre>;
  else
    body = (
      <pre className="script" aria-label={`Script for device ${device.toUpperCase()}`}>
        {render.devices[device].lines.map((l, i) => (
          <div key={i} className={`line stage-${l.stage}${l.verified ? '' : ' unverified'}`} title={l.verified ? `stage: ${l.stage}` : `stage: ${l.stage}; syntax not confirmed from vendor text`}>
            {l.text}
          </div>
        ))}
      </pre>
    );

  return (
    <section className="card preview" aria-label="Rendered scripts">
      <div className="preview-head">
        <h3>Scripts</h3>
        <div role="tablist" aria-label="Device">
          {(['a', 'b'] as const).map((k) => (
            <button key={k} role="tab" type="button" aria-selected={device === k} onClick={() => setDevice(k)}>
              Device {k.toUpperCase()}
            </button>
          ))}
        </div>
        <label className="inline">
          <input type="checkbox" checked={undo} onChange={(e) => setUndo(e.target.checked)} /> Undo script
        </label>
      </div>
      {body}
      <p className="muted small">Dotted lines: syntax not yet confirmed from vendor text.</p>
    </section>
  );
}
