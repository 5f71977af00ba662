import { useEffect, useState } from 'react';
import type { DrillResult } from '../../../../src/contract/index';
import { accepts, type DrillPlan } from '../../../../src/core/drill/plan';
import { useStore } from '../../store/index';
import { sameAsk } from '../../store/slices/drill';
import { ErrorNote } from '../pairing/ErrorNote';
import { drillAsk, figureRows, type DrillFormValues } from './drill-form';
import { Modal } from './Modal';

const OUTCOME: Record<DrillResult['outcome'], string> = {
  passed: 'Drill passed',
  failed: 'Drill failed',
  refused: 'Drill refused: nothing was changed',
  declined: 'Not confirmed: nothing was done',
};

function Figures({ title, f }: { title: string; f: Parameters<typeof figureRows>[0] }) {
  return (
    <table className="drill-figures" aria-label={title}>
      <caption>{title}</caption>
      <tbody>
        {figureRows(f).map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Result({ r }: { r: DrillResult }) {
  return (
    <section aria-label="Drill result" className={`drill-result drill-${r.outcome}`}>
      <h3 role="status">{OUTCOME[r.outcome]}</h3>
      <p>{r.message}</p>
      {r.switchoverMs !== null && <Figures title="Switchover" f={r} />}
      {r.switchback && <Figures title="Switchback" f={r.switchback} />}
      {/* Where each device stands matters most when it stopped part-way. */}
      <ul className="drill-standing" aria-label="Where each device stands">
        {(['a', 'b'] as const).map((k) => r.standing[k] && <li key={k}>{r.standing[k]}</li>)}
      </ul>
      <p className="muted small">
        Journal: <code>{r.journal}</code>
      </p>
    </section>
  );
}

/** The failover drill: what it will interrupt (read from both devices), the confirmation, its progress and figures. */
export function DrillDialog() {
  const d = useStore((s) => s.drill);
  const plan = useStore((s) => s.planDrill);
  const run = useStore((s) => s.runDrill);
  const cancel = useStore((s) => s.cancelDrill);
  const close = useStore((s) => s.closeDrill);
  const [form, setForm] = useState<DrillFormValues>({ kind: 'switchover', interface: '', probes: '', fallback: false });
  const [typed, setTyped] = useState('');
  const asked = drillAsk(form);
  // The switchover plan is read once on opening: it names the devices and the interfaces a link drill may use.
  useEffect(() => {
    const first = drillAsk({ kind: 'switchover', interface: '', probes: '', fallback: false });
    if (first.ok) void plan(first.ask);
  }, [plan]);
  if (!d.pair) return null;
  const busy = d.phase === 'planning' || d.phase === 'running';
  const fresh = asked.ok && d.phase === 'planned' && sameAsk(d.planAsk, asked.ask);
  const word = d.plan?.confirmWord;
  const confirmed = word === undefined || accepts({ confirmWord: word } as DrillPlan, typed);
  const canStart = fresh && !d.plan?.refused && d.plan !== undefined && d.plan.plan.length > 0 && confirmed;
  const edit = (p: Partial<DrillFormValues>) => setForm((f) => ({ ...f, ...p }));
  const finished = d.phase === 'done' || d.phase === 'failed' || d.phase === 'cancelled';

  return (
    <Modal labelledBy="drill-title" className="drill-dialog" onEscape={() => !busy && close()}>
      <h2 id="drill-title">Failover drill on {d.pair}</h2>
      {!finished && d.phase !== 'running' && (
        <form className="drill-form" onSubmit={(e) => e.preventDefault()} aria-label="What the drill does">
          <fieldset disabled={busy}>
            <legend>Trigger</legend>
            <label className="inline">
              <input type="radio" name="drill-kind" checked={form.kind === 'switchover'} onChange={() => edit({ kind: 'switchover' })} /> Manual switchover
            </label>
            <label className="inline">
              <input type="radio" name="drill-kind" checked={form.kind === 'link'} onChange={() => edit({ kind: 'link' })} /> Shut a monitored link
            </label>
            {form.kind === 'link' && (
              <label className="inline">
                Interface to shut{' '}
                <select value={form.interface} onChange={(e) => edit({ interface: e.target.value })}>
                  <option value="">{d.plan?.interfaces.length === 0 ? 'none monitored' : 'choose…'}</option>
                  {(d.plan?.interfaces ?? []).map((i) => (
                    <option key={i}>{i}</option>
                  ))}
                </select>
              </label>
            )}
            <label className="inline">
              Probe targets (HOST:PORT, optional){' '}
              <input
                type="text"
                value={form.probes}
                placeholder="10.1.1.100:443"
                aria-invalid={!asked.ok && asked.field === 'probes'}
                onChange={(e) => edit({ probes: e.target.value })}
              />
            </label>
            <label className="inline">
              <input type="checkbox" checked={form.fallback} onChange={(e) => edit({ fallback: e.target.checked })} /> Measure the switchback too
            </label>
          </fieldset>
          {!asked.ok && (
            <p className="error-text" role="alert">
              {asked.message}
            </p>
          )}
          <div className="button-row">
            <button type="button" disabled={busy || !asked.ok} onClick={() => asked.ok && void plan(asked.ask)}>
              {fresh ? 'Read the plan again' : 'Read the plan'}
            </button>
          </div>
        </form>
      )}

      {d.phase === 'planning' && <p role="status">Reading both devices: {d.steps.at(-1) ?? 'connecting'}…</p>}
      {d.plan && d.phase !== 'running' && !finished && (
        <section aria-label="Drill plan" className={fresh ? 'drill-plan' : 'drill-plan stale'}>
          {!fresh && d.phase === 'planned' && <p className="warn-text">The form changed since this plan was read: read the plan again before starting.</p>}
          {d.plan.plan.length > 0 && (
            <ul>
              {d.plan.plan.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {d.plan.refused && (
            <p className="error-text" role="alert">
              {d.plan.refused}
            </p>
          )}
          {word && fresh && !d.plan.refused && (
            <label className="inline drill-confirm">
              Type &quot;{word}&quot; to go ahead <input type="text" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
            </label>
          )}
        </section>
      )}

      {d.phase === 'running' && (
        <section aria-label="Drill progress">
          <ol className="drill-steps" aria-live="polite">
            {d.steps.map((s, i) => (
              <li key={i} className={s.startsWith('unexpected:') ? 'error-text' : undefined}>
                {s}
              </li>
            ))}
          </ol>
          <p role="status">Drill running…</p>
        </section>
      )}

      {d.phase === 'done' && d.result && <Result r={d.result} />}
      {d.phase === 'cancelled' && <p role="status">Cancelled. {d.steps.length ? `Last step: ${d.steps.at(-1)}.` : ''}</p>}
      {d.phase === 'failed' && d.error && <ErrorNote error={d.error} title="The drill did not run." />}

      <div className="button-row">
        {busy ? (
          <button type="button" data-autofocus onClick={() => void cancel()}>
            Cancel {d.phase === 'running' ? 'the drill' : ''}
          </button>
        ) : (
          <button type="button" data-autofocus onClick={close}>
            {finished ? 'Close' : 'Cancel'}
          </button>
        )}
        {!finished && !busy && (
          <button type="button" className="danger" disabled={!canStart || !asked.ok} onClick={() => asked.ok && void run(asked.ask, word ? typed : 'yes')}>
            Start the drill now
          </button>
        )}
      </div>
    </Modal>
  );
}
