// Bootstrap only: wire the host, the protocol, the security policy, the IPC router and the window.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { dataDir } from '../../src/core/base/node/paths';
import { PRODUCT_VERSION } from '../../src/core/base/product';
import { createHost } from '../../src/host/host';
import { createLabAdapter } from '../../src/host/lab-adapter';
import { isAppUrl, registerAppScheme, serveApp } from './protocol';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window';
import { safeStorageCipher } from './secrets';
import { forwardEvents, registerIpc, senderIsOurWindow } from './ipc/router';
import { disposeBeforeQuit } from './quit';
import { electronPdfPrinter } from './pdf';

// One folder for the app and the CLI (keys, known hosts, journals, monitor history, settings),
// resolved by the same code; Chromium's own caches stay in Electron's default place.
app.setPath('sessionData', app.getPath('userData'));
app.setPath('userData', dataDir());

registerAppScheme(protocol);
app.enableSandbox();
hardenApp(app, isAppUrl);

let win: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => win?.focus());
  app.whenReady().then(() => {
    const root = app.getAppPath();
    const host = createHost({
      version: PRODUCT_VERSION,
      mode: 'electron',
      examplesDir: join(root, 'resources', 'examples'),
      settingsFile: join(dataDir(), 'settings.json'),
      keysDir: join(dataDir(), 'keys'), // shared with the CLI, so `hotpair bundle key trust` counts here too
      keychain: safeStorageCipher(safeStorage), // saved logins: OS keychain, never plain on disk
      lab: createLabAdapter({ examplesDir: join(root, 'resources', 'examples') }),
      monitor: { dbFile: join(dataDir(), 'monitor.sqlite') }, // the history `hotpair history` reads
      pdfPrinter: electronPdfPrinter(BrowserWindow), // reports print without a system browser
    });
    hardenSession(session.defaultSession, isAppUrl); // our pages may show notifications (monitor alerts)
    serveApp(protocol, join(root, 'renderer', 'dist'));
    registerIpc(ipcMain, host, senderIsOurWindow(() => win));
    forwardEvents(host, () => win);
    win = createMainWindow(BrowserWindow, join(__dirname, 'preload.cjs'));
    win.on('closed', () => (win = undefined));
    app.on('window-all-closed', () => app.quit());
    disposeBeforeQuit(app, () => host.dispose());
  });
}
