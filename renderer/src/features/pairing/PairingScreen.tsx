import { useEffect, useRef } from 'react';
import { useStore } from '../../store/index';
import { selectEditor, selectExamples } from '../../store/selectors';
import type { WizardStep } from '../../store/wizard-types';
import { NEW_PAIR } from './fields';
import { ConnectStep } from './wizard/ConnectStep';
import { DiscoverStep } from './wizard/DiscoverStep';
import { PairStatus } from './wizard/PairStatus';
import { PlanStep } from './wizard/PlanStep';
import { PushStep } from './wizard/PushStep';
import { ExportStep, SaveStep, VerifyStep } from './wizard/ResultSteps';
import { SettingsStep } from './wizard/SettingsStep';
import { WizardSteps } from './wizard/WizardSteps';
import './wizard/wizard.css';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from './ErrorNote';

const STEP: Record<WizardStep, () => React.JSX.Element> = {
  connect: ConnectStep,
  discover: DiscoverStep,
  settings: SettingsStep,
  plan: PlanStep,
  push: PushStep,
  verify: VerifyStep,
  save: SaveStep,
  export: ExportStep,
};

function StartFrom() {
  const editor = useStore(selectEditor);
  const examples = useStore(selectExamples);
  const { openDoc, openExample } = useStore.getState();
  const { t } = useAppTranslation();
  return (
    <section className="card">
      <h2>{t('pairing.start.title')}</h2>
      <p className="muted">{t('pairing.start.intro', { home: t('nav.screens.home'), start: t('home.lab.start'), open: t('home.lab.open') })}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => openDoc(t('pairing.start.newDocName'), NEW_PAIR)}>
          {t('pairing.start.newPair')}
        </button>
        {examples.map((e) => (
          <button key={e.id} type="button" onClick={() => void openExample(e.id)}>
            {e.id}
          </button>
        ))}
      </div>
      {editor.error && <p className="error-text">
          <ErrorLine error={editor.error} />
        </p>}
    </section>
  );
}

/** The pairing wizard: connect → discover → settings → plan → push → verify → save → export. */
export function PairingScreen() {
  const source = useStore((s) => s.editor.source);
  const hasDoc = useStore((s) => s.editor.doc !== null);
  const step = useStore((s) => s.wizard.step);
  const { t } = useAppTranslation();
  const body = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  // Keyboard and screen-reader users land on the new step's content, shown from its top.
  useEffect(() => {
    if (first.current) first.current = false;
    else {
      const main = body.current?.closest('main');
      if (main) main.scrollTop = 0;
      body.current?.focus({ preventScroll: true });
    }
  }, [step]);
  const Current = STEP[step];
  return (
    <div className="screen pairing">
      <header className="screen-head">
        <h1>
          {t('pairing.title')}
          {source ? <span className="muted"> · {source}</span> : null}
        </h1>
        {hasDoc && <WizardSteps />}
      </header>
      {hasDoc ? (
        <>
          <PairStatus />
          <div ref={body} tabIndex={-1} className="wizard-body" data-step={step}>
            <Current />
          </div>
        </>
      ) : (
        <StartFrom />
      )}
    </div>
  );
}
