import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY } from './protocol';

/**
 * The one window's options. Every renderer privilege is off: the page reaches the host only
 * through the preload's typed bridge (contextIsolation + sandbox), never through Node.
 * (@electron/remote is not a dependency, and Electron ≥ 14 has no built-in remote to enable.)
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false, // shown on ready-to-show: no white flash before the first paint
    title: 'HotPair',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: process.env.HOTPAIR_DEVTOOLS === '1',
    },
  };
}

type WindowCtor = new (opts: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(Ctor: WindowCtor, preloadPath: string): BrowserWindow {
  const win = new Ctor(windowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
