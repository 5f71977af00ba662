import { useEffect } from 'react';
import { onHostEvent } from './services/api';
import { useStore } from './store/index';
import { selectTheme } from './store/selectors';
import { Shell } from './features/shell/Shell';

export function App() {
  const theme = useStore(selectTheme);
  useEffect(() => {
    const off = onHostEvent((e) => useStore.getState().applyEvent(e));
    void useStore.getState().start();
    return off;
  }, []);
  useEffect(() => {
    // 'system' leaves the attribute off so the CSS follows prefers-color-scheme.
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <Shell />;
}
