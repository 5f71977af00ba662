import { useStore } from '../../store/index';
import { selectEditor, selectExamples } from '../../store/selectors';
import { NEW_PAIR } from './fields';
import { PairForm } from './PairForm';
import { ScriptPreview } from './ScriptPreview';

// The wizard's steps, with what this build can do said plainly; later steps arrive with the core.
const STEPS = [
  { name: 'Connect A and B', ready: false },
  { name: 'Discover both', ready: false },
  { name: 'Hot-backup settings', ready: true },
  { name: 'Plan, push, verify, save', ready: false },
] as const;

function Status() {
  const { diagnostics, checked, validating, error } = useStore(selectEditor);
  if (error) return <p className="status error-text" role="alert">{error.message}</p>;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <p className="status" role="status" aria-live="polite">
      {validating ? 'Checking… ' : ''}
      {errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`}
      {warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'} or note${warnings === 1 ? '' : 's'}` : ''}
      {checked === 'structure' ? ' — the file does not load yet, so the hot-backup rules have not run' : checked === 'rules' ? ' — every hot-backup rule checked' : ''}
    </p>
  );
}

export function PairingScreen() {
  const editor = useStore(selectEditor);
  const examples = useStore(selectExamples);
  const openDoc = useStore((s) => s.openDoc);
  const openExample = useStore((s) => s.openExample);

  return (
    <div className="screen pairing">
      <header className="screen-head">
        <h1>Pairing{editor.source ? <span className="muted"> · {editor.source}</span> : null}</h1>
        <ol className="steps" aria-label="Wizard steps">
          {STEPS.map((s, i) => (
            <li key={s.name} className={s.ready ? 'step-ready' : 'step-later'}>
              {i + 1}. {s.name}
              {!s.ready && <span className="badge">not available yet</span>}
            </li>
          ))}
        </ol>
      </header>
      {editor.doc === null ? (
        <section className="card">
          <h2>Start from</h2>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => openDoc('new pair', NEW_PAIR)}>
              A new pair
            </button>
            {examples.map((e) => (
              <button key={e.id} type="button" onClick={() => void openExample(e.id)}>
                {e.id}
              </button>
            ))}
          </div>
          {editor.error && <p className="error-text">{editor.error.message}</p>}
        </section>
      ) : (
        <>
          <Status />
          <div className="pairing-grid">
            <PairForm />
            <ScriptPreview />
          </div>
        </>
      )}
    </div>
  );
}
