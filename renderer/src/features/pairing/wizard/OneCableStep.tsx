import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import type { OneCableStepName } from '../../../../../src/contract/index';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';
import { ErrorNote } from '../ErrorNote';
import { isMessageList } from '../../../../../src/core/base/message';
import { progressText, type ProgressLike } from '../../../../../src/i18n/progress';
import { MoveCableCard } from './MoveCableCard';

/** The flow's phases as the engineer walks them (keys of app:wizard.oneCable.phases), each lit by the steps the run reports. */
const PHASES: { id: string; steps: OneCableStepName[] }[] = [
  { id: 'a', steps: ['on-a'] },
  { id: 'move', steps: ['move-cable', 'wrong-device'] },
  { id: 'b', steps: ['on-b', 'undo-b'] },
  { id: 'done', steps: ['done', 'left-on-a', 'undo-a', 'back-on-a'] },
];

const OUTCOME_CODE = /^oneCable\.outcome\.(.+)$/;

/**
 * The run's last step in the reader's words. Core names an outcome by its journal word
 * ("rolled-back"), alone or at the head of the end's sentence; the page says the outcome's own
 * phrase (app:wizard.oneCable.outcome.*) in its place.
 */
function stepText(i18n: I18n, s: ProgressLike): string {
  const phrase = (code: string | undefined) => {
    const name = code === undefined ? undefined : OUTCOME_CODE.exec(code)?.[1];
    return name !== undefined && i18n.exists(`app:wizard.oneCable.outcome.${name}`) ? i18n.t(`app:wizard.oneCable.outcome.${name}`) : undefined;
  };
  const alone = phrase(s.code);
  if (alone !== undefined) return alone;
  const o = s.params?.outcome;
  const head = isMessageList(o) ? phrase(o.items[0]?.code) : undefined;
  return progressText(i18n, head === undefined ? s : { ...s, params: { ...s.params, outcome: head } });
}

function OneCableLab() {
  const lab = useStore((s) => s.lab);
  const busy = useStore((s) => s.labOpId !== undefined);
  const hasDoc = useStore((s) => s.editor.doc !== null);
  const { startLab, openDoc, setOneCable } = useStore.getState();
  const { t } = useAppTranslation();
  if (lab.state === 'running' && lab.cablePath)
    return (
      <p className="muted small">
        {t('wizard.oneCable.labCableBefore')} <code>{lab.cablePath}</code>
        {t('wizard.oneCable.labCableAfter')}{' '}
        {!hasDoc && lab.pairDoc !== undefined && (
          <button type="button" onClick={() => openDoc(t('home.lab.docName'), lab.pairDoc)}>
            {t('wizard.oneCable.openLab')}
          </button>
        )}
        <button type="button" onClick={() => setOneCable({ port: lab.cablePath ?? '' })}>
          {t('wizard.oneCable.useLabCable')}
        </button>
      </p>
    );
  if (lab.state === 'running') return <p className="muted small">{t('wizard.oneCable.labTwoConsoles')}</p>;
  return (
    <p className="button-row">
      <button type="button" disabled={busy} onClick={() => void startLab({ oneCable: true })}>
        {t(busy ? 'wizard.oneCable.labStarting' : 'wizard.oneCable.labStart')}
      </button>
    </p>
  );
}

/** Step 1 with one console cable: the port and login, then the whole flow, led step by step. */
export function OneCableStep() {
  const o = useStore((s) => s.oneCable);
  const hasDoc = useStore((s) => s.editor.doc !== null);
  // A run of this pair killed mid-way (app closed between devices): the newest is offered for resume.
  const interrupted = useStore((s) => s.runs.find((r) => r.interrupted && r.pair === s.editor.doc?.name)?.journal);
  const { setOneCable, runOneCable, cancelOneCable } = useStore.getState();
  const [password, setPassword] = useState('');
  const { t, i18n } = useAppTranslation();
  const running = o.status === 'running';
  const last = o.steps.at(-1);
  const seen = new Set(o.steps.map((s) => s.step));
  const current = o.steps.at(-1)?.step;
  const resumable = o.journal ?? interrupted;
  const start = (resume: boolean) => {
    if (resume && resumable) setOneCable({ journal: resumable });
    void runOneCable(password, resume);
  };

  return (
    <section className="card one-cable" aria-label={t('wizard.oneCable.title')}>
      <h2>{t('wizard.oneCable.title')}</h2>
      <p className="muted">{t('wizard.oneCable.intro')}</p>
      <OneCableLab />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start(false);
        }}
      >
        <fieldset disabled={running}>
          <div className="field">
            <label htmlFor="one-cable-port">{t('wizard.oneCable.port')}</label>
            <div className="field-input">
              <input id="one-cable-port" type="text" value={o.port} placeholder={t('wizard.oneCable.portPlaceholder')} spellCheck={false} onChange={(e) => setOneCable({ port: e.target.value })} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="one-cable-baud">{t('wizard.oneCable.speed')}</label>
            <div className="field-input">
              <input id="one-cable-baud" type="text" value={o.baud} onChange={(e) => setOneCable({ baud: e.target.value })} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="one-cable-user">{t('wizard.oneCable.user')}</label>
            <div className="field-input">
              <input id="one-cable-user" type="text" value={o.username} onChange={(e) => setOneCable({ username: e.target.value })} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="one-cable-password">{t('wizard.oneCable.password')}</label>
            <div className="field-input">
              <input id="one-cable-password" type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
            </div>
          </div>
          <p className="muted small">{t('wizard.oneCable.passwordNote')}</p>
        </fieldset>
        <div className="button-row">
          {running ? (
            <button type="button" className="danger" onClick={() => void cancelOneCable()}>
              {t('wizard.oneCable.stop')}
            </button>
          ) : (
            <>
              <button type="submit" className="primary" disabled={!hasDoc || !o.port}>
                {t('wizard.oneCable.run')}
              </button>
              {resumable && (
                <button type="button" disabled={!hasDoc || !o.port} onClick={() => start(true)}>
                  {t('wizard.oneCable.resume')}
                </button>
              )}
            </>
          )}
          {!hasDoc && <span className="muted">{t('wizard.oneCable.openFirst')}</span>}
        </div>
      </form>
      {(running || o.steps.length > 0) && (
        <ol className="steps one-cable-phases" aria-label={t('wizard.oneCable.stepsLabel')}>
          {PHASES.map((p) => (
            <li key={p.id} aria-current={current && p.steps.includes(current) ? 'step' : undefined} className={p.steps.some((s) => seen.has(s)) ? 'seen' : undefined}>
              {t(`wizard.oneCable.phases.${p.id}`)}
            </li>
          ))}
        </ol>
      )}
      <MoveCableCard />
      {o.line && (
        <div className="device-progress">
          <label htmlFor="one-cable-line">{t('wizard.oneCable.progress', { device: o.line.device.toUpperCase(), done: o.line.done, total: o.line.total })}</label>
          <progress id="one-cable-line" max={o.line.total} value={o.line.done} />
          <code className="current-line">{o.line.line}</code>
        </div>
      )}
      {last && <p role="status">{stepText(i18n, last)}</p>}
      {o.log.length > 0 && (
        <ol className="push-log" aria-label={t('wizard.oneCable.logLabel')}>
          {o.log.slice(-10).map((m, i) => (
            <li key={i} className={`log-${m.level}`}>
              {m.device ? `[${m.device.toUpperCase()}] ` : ''}
              {progressText(i18n, m)}
            </li>
          ))}
        </ol>
      )}
      {o.result && (
        <section aria-label={t('wizard.oneCable.resultLabel')}>
          <h3>{t(`wizard.oneCable.outcome.${o.result.outcome}`, { defaultValue: o.result.outcome })}</h3>
          {/* The status line shows only the last step (the outcome): what each undo left is said here. */}
          {o.steps
            .filter((s) => s.step === 'undo-b' || s.step === 'undo-a')
            .map((s, i) => (
              <p key={i}>{progressText(i18n, s)}</p>
            ))}
          {o.result.leftOnA && <p>{t('wizard.oneCable.leftOnA', { lines: o.result.leftOnA.lines, saved: o.result.leftOnA.saved ? 'yes' : 'no' })}</p>}
          <p className="muted small">
            {t('wizard.oneCable.journal')} <code>{o.result.journal}</code>
          </p>
        </section>
      )}
      {o.error && <ErrorNote error={o.error} title={t(o.result ? 'wizard.oneCable.whyStopped' : 'wizard.oneCable.didNotStart')} />}
    </section>
  );
}
