import { useEffect } from 'react';
import { SCREENS, useStore } from '../../store/index';
import { selectScreen } from '../../store/selectors';
import { useAppTranslation } from '../../i18n';

/** Primary navigation; Alt+1…6 jump to a screen from anywhere. */
export function Nav() {
  const screen = useStore(selectScreen);
  const navigate = useStore((s) => s.navigate);
  const { t } = useAppTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = SCREENS[Number(e.key) - 1];
      if (target) {
        e.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="brand">HotPair</div>
      <ul>
        {SCREENS.map((s, i) => (
          <li key={s.id}>
            <button type="button" aria-current={screen === s.id ? 'page' : undefined} onClick={() => navigate(s.id)} title={t('nav.shortcut', { n: String(i + 1) })}>
              {t(`nav.screens.${s.id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
