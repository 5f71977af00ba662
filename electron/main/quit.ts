import type { App } from 'electron';

/**
 * How long quitting waits for the host to log out of devices, stop the lab and close the monitor's
 * database. A session stuck on a dead console must not keep the app open forever.
 */
export const HOST_DISPOSE_TIMEOUT_MS = 8_000;

type QuittingApp = Pick<App, 'on' | 'quit'>;

/**
 * Holds the first quit until `dispose` settles (or the timeout passes), then quits for real.
 * Without this, Electron exits while consoles are still logged in and SQLite still has a write
 * open. Further quit requests meanwhile are swallowed: the quit is already under way.
 */
export function disposeBeforeQuit(app: QuittingApp, dispose: () => Promise<void>, timeoutMs = HOST_DISPOSE_TIMEOUT_MS): void {
  let state: 'running' | 'disposing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    void Promise.race([dispose().catch(() => {}), timedOut]).finally(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
}
