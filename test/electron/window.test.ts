import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, windowOptions } from '../../electron/main/window';
import { APP_ENTRY, isAppUrl } from '../../electron/main/protocol';

describe('main window', () => {
  it('turns every renderer privilege off', () => {
    const o = windowOptions('/app/out/electron/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(JSON.stringify(o)).not.toMatch(/enableRemoteModule|enableBlinkFeatures/);
    expect(o.width).toBe(1280);
    expect(o.height).toBe(800);
    expect(o.show).toBe(false);
  });

  it('loads our page over app:// and shows the window only when ready', () => {
    const created: { opts?: BrowserWindowConstructorOptions; url?: string; shown: boolean; ready?: () => void } = { shown: false };
    class FakeWindow {
      constructor(opts: BrowserWindowConstructorOptions) {
        created.opts = opts;
      }
      once(event: string, cb: () => void) {
        if (event === 'ready-to-show') created.ready = cb;
        return this;
      }
      show() {
        created.shown = true;
      }
      loadURL = vi.fn(async (url: string) => void (created.url = url));
    }
    createMainWindow(FakeWindow as never, '/p.cjs');
    expect(created.opts?.webPreferences?.sandbox).toBe(true);
    expect(created.url).toBe('app://hotpair/index.html');
    expect(created.shown).toBe(false);
    created.ready!();
    expect(created.shown).toBe(true);
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
