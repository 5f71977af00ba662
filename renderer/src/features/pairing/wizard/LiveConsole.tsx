import { useEffect, useRef } from 'react';
import { useAppTranslation } from '../../../i18n';
import { useStore } from '../../../store/index';

/** One device's session text, as the host batches it, kept scrolled to the end unless the user scrolls up. */
function Pane({ k }: { k: 'a' | 'b' }) {
  const text = useStore((s) => s.wizard.console[k]);
  const ref = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  const { t } = useAppTranslation();
  const K = k.toUpperCase();
  useEffect(() => {
    const el = ref.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [text]);
  return (
    <div className="console-pane">
      <h4>{t('wizard.device', { device: K })}</h4>
      <pre
        ref={ref}
        className="console"
        tabIndex={0}
        aria-label={t('wizard.console.pane', { device: K })}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
        }}
      >
        {text}
      </pre>
    </div>
  );
}

export function LiveConsole() {
  const { t } = useAppTranslation();
  return (
    <section className="card" aria-label={t('wizard.console.title')}>
      <h3>{t('wizard.console.title')}</h3>
      <div className="two-up">
        <Pane k="a" />
        <Pane k="b" />
      </div>
    </section>
  );
}
