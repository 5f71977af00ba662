import { useEffect, useState } from 'react';
import type { DrillResult } from '../../../../src/contract/index';
import { planLines } from '../../../../src/core/drill/format';
import { accepts, type DrillPlan } from '../../../../src/core/drill/plan';
import { coreTranslator } from '../../../../src/i18n/core';
import { progressText, saidText, type ProgressLike } from '../../../../src/i18n/progress';
import { useAppTranslation } from '../../i18n';
import { useStore } from '../../store/index';
import { sameAsk } from '../../store/slices/drill';
import { ErrorNote } from '../pairing/ErrorNote';
import { drillAsk, figureRows, type DrillFormValues } from './drill-form';
import { Modal } from './Modal';

function Figures({ title, f }: { title: string; f: Parameters<typeof figureRows>[1] }) {
  const { t } = useAppTranslation();
  return (
    <table className="drill-figures" aria-label={title}>
      <caption>{title}</caption>
      <tbody>
        {figureRows(t, f).map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The result: the outcome and figures in the reader's language; the drill's own message and where each device stands as the host said them. */
function Result({ r }: { r: DrillResult }) {
  const { t, i18n } = useAppTranslation();
  return (
    <section aria-label={t('drill.result')} className={`drill-result drill-${r.outcome}`}>
      <h3 role="status">{t(`drill.outcome.${r.outcome}`)}</h3>
      <p>{saidText(i18n, r.said, r.message)}</p>
      {r.switchoverMs !== null && <Figures title={t('drill.switchover')} f={r} />}
      {r.switchback && <Figures title={t('drill.switchback')} f={r.switchback} />}
      {/* Where each device stands matters most when it stopped part-way. */}
      <ul className="drill-standing" aria-label={t('drill.standing')}>
        {(['a', 'b'] as const).map((k) => r.standing[k] && <li key={k}>{saidText(i18n, r.standingSaid?.[k], r.standing[k])}</li>)}
      </ul>
      <p className="muted small">
        {t('drill.journal')} <code>{r.journal}</code>
      </p>
    </section>
  );
}

/** The failover drill: what it will interrupt (read from both devices), the confirmation, its progress and figures. */
export function DrillDialog() {
  const { t, i18n } = useAppTranslation();
  const d = useStore((s) => s.drill);
  const plan = useStore((s) => s.planDrill);
  const run = useStore((s) => s.runDrill);
  const cancel = useStore((s) => s.cancelDrill);
  const close = useStore((s) => s.closeDrill);
  const [form, setForm] = useState<DrillFormValues>({ kind: 'switchover', interface: '', probes: '', fallback: false });
  const [typed, setTyped] = useState('');
  const asked = drillAsk(form, t);
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
  // The plan in the reader's language where the host sent it as messages; its English lines otherwise.
  const lines = d.plan ? planLines({ lines: d.plan.plan, ...(d.plan.said ? { said: d.plan.said } : {}) } as DrillPlan, coreTranslator(i18n)) : [];

  return (
    <Modal labelledBy="drill-title" className="drill-dialog" onEscape={() => !busy && close()}>
      <h2 id="drill-title">{t('drill.title', { pair: d.pair })}</h2>
      {!finished && d.phase !== 'running' && (
        <form className="drill-form" onSubmit={(e) => e.preventDefault()} aria-label={t('drill.form')}>
          <fieldset disabled={busy}>
            <legend>{t('drill.trigger')}</legend>
            <label className="inline">
              <input type="radio" name="drill-kind" checked={form.kind === 'switchover'} onChange={() => edit({ kind: 'switchover' })} /> {t('drill.manual')}
            </label>
            <label className="inline">
              <input type="radio" name="drill-kind" checked={form.kind === 'link'} onChange={() => edit({ kind: 'link' })} /> {t('drill.link')}
            </label>
            {form.kind === 'link' && (
              <label className="inline">
                {t('drill.interface')}{' '}
                <select value={form.interface} onChange={(e) => edit({ interface: e.target.value })}>
                  <option value="">{d.plan?.interfaces.length === 0 ? t('drill.noneMonitored') : t('drill.choose')}</option>
                  {(d.plan?.interfaces ?? []).map((i) => (
                    <option key={i}>{i}</option>
                  ))}
                </select>
              </label>
            )}
            <label className="inline">
              {t('drill.probes')}{' '}
              <input
                type="text"
                value={form.probes}
                placeholder="10.1.1.100:443"
                aria-invalid={!asked.ok && asked.field === 'probes'}
                onChange={(e) => edit({ probes: e.target.value })}
              />
            </label>
            <label className="inline">
              <input type="checkbox" checked={form.fallback} onChange={(e) => edit({ fallback: e.target.checked })} /> {t('drill.fallback')}
            </label>
          </fieldset>
          {!asked.ok && (
            <p className="error-text" role="alert">
              {asked.message}
            </p>
          )}
          <div className="button-row">
            <button type="button" disabled={busy || !asked.ok} onClick={() => asked.ok && void plan(asked.ask)}>
              {fresh ? t('drill.readAgain') : t('drill.readPlan')}
            </button>
          </div>
        </form>
      )}

      {d.phase === 'planning' && <p role="status">{t('drill.planning', { step: d.steps.length ? progressText(i18n, d.steps.at(-1) as ProgressLike) : t('drill.connecting') })}</p>}
      {d.plan && d.phase !== 'running' && !finished && (
        <section aria-label={t('drill.plan')} className={fresh ? 'drill-plan' : 'drill-plan stale'}>
          {!fresh && d.phase === 'planned' && <p className="warn-text">{t('drill.stale')}</p>}
          {lines.length > 0 && (
            <ul>
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {d.plan.refused && (
            <p className="error-text" role="alert">
              {saidText(i18n, d.plan.refusedSaid, d.plan.refused)}
            </p>
          )}
          {word && fresh && !d.plan.refused && (
            <label className="inline drill-confirm">
              {t('drill.confirm', { word })} <input type="text" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
            </label>
          )}
        </section>
      )}

      {d.phase === 'running' && (
        <section aria-label={t('drill.progress')}>
          <ol className="drill-steps" aria-live="polite">
            {d.steps.map((s, i) => (
              <li key={i} className={s.text.startsWith('unexpected:') ? 'error-text' : undefined}>
                {progressText(i18n, s)}
              </li>
            ))}
          </ol>
          <p role="status">{t('drill.running')}</p>
        </section>
      )}

      {d.phase === 'done' && d.result && <Result r={d.result} />}
      {d.phase === 'cancelled' && <p role="status">{[t('drill.cancelled'), ...(d.steps.length ? [t('drill.lastStep', { step: progressText(i18n, d.steps.at(-1) as ProgressLike) })] : [])].join(' ')}</p>}
      {d.phase === 'failed' && d.error && <ErrorNote error={d.error} title={t('drill.didNotRun')} />}

      <div className="button-row">
        {busy ? (
          <button type="button" data-autofocus onClick={() => void cancel()}>
            {d.phase === 'running' ? t('drill.cancelDrill') : t('drill.cancel')}
          </button>
        ) : (
          <button type="button" data-autofocus onClick={close}>
            {finished ? t('drill.close') : t('drill.cancel')}
          </button>
        )}
        {!finished && !busy && (
          <button type="button" className="danger" disabled={!canStart || !asked.ok} onClick={() => asked.ok && void run(asked.ask, word ? typed : 'yes')}>
            {t('drill.start')}
          </button>
        )}
      </div>
    </Modal>
  );
}
