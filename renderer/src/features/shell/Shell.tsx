import { useEffect, useRef } from 'react';
import { useAppTranslation, useLanguageFromSettings } from '../../i18n';
import { errorText } from '../../../../src/i18n/core-text';
import { useStore, type Screen } from '../../store/index';
import { selectBoot, selectBootError, selectInfo, selectScreen } from '../../store/selectors';
import { Nav } from './Nav';
import { HomeScreen } from '../home/HomeScreen';
import { PairingScreen } from '../pairing/PairingScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ConsoleScreen } from '../console/ConsoleScreen';
import { MonitorScreen } from '../monitor/MonitorScreen';
import { BundlesScreen } from '../bundles/BundlesScreen';

const SCREEN: Record<Screen, () => React.JSX.Element> = {
  home: HomeScreen,
  pairing: PairingScreen,
  monitor: MonitorScreen,
  console: ConsoleScreen,
  bundles: BundlesScreen,
  settings: SettingsScreen,
};

export function Shell() {
  const screen = useStore(selectScreen);
  const boot = useStore(selectBoot);
  const bootError = useStore(selectBootError);
  const info = useStore(selectInfo);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const { t, i18n } = useAppTranslation();
  const bootSaid = bootError && errorText(i18n, bootError);
  useLanguageFromSettings();
  // Move focus to the new screen so keyboard and screen-reader users land on it (not on first load).
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [screen]);
  // Marks when the real shell is on screen: the e2e run reports it beside first paint.
  useEffect(() => void performance.mark('hotpair:shell'), []);
  const Current = SCREEN[screen];
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('shell.skip')}
      </a>
      <Nav />
      <main id="main" ref={main} tabIndex={-1}>
        {boot === 'failed' ? (
          <div className="card" role="alert">
            <h1>{t('shell.unreachable')}</h1>
            <p>{bootSaid?.message}</p>
            {bootSaid?.fix && <p>{bootSaid.fix}</p>}
          </div>
        ) : (
          <Current />
        )}
      </main>
      <footer className="footer muted small">
        {info ? t('shell.footer', { version: info.version, mode: info.mode }) : boot === 'loading' ? t('shell.connecting') : ''}
      </footer>
    </div>
  );
}
