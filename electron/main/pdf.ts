import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { withTimeout } from '../../src/core/base/abort';
import { PDF_RENDER_TIMEOUT_MS, type PdfPrinter } from '../../src/core/report/node/pdf';

type WindowCtor = new (o: BrowserWindowConstructorOptions) => BrowserWindowType;

/**
 * Reports printed by Electron itself, so the desktop app needs no system browser: the signed
 * HTML is laid out in a hidden window with scripts off (the report has none) and printed with
 * printToPDF. The window is closed whatever happens.
 */
export function electronPdfPrinter(BrowserWindow: WindowCtor): PdfPrinter {
  return {
    name: 'electron',
    async print(html, o) {
      const op = withTimeout(o.signal, PDF_RENDER_TIMEOUT_MS, { limit: 'pdf' });
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false },
      });
      const closed = () => {
        if (!win.isDestroyed()) win.destroy();
      };
      op.signal.addEventListener('abort', closed, { once: true });
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const pdf = await win.webContents.printToPDF({ pageSize: o.paper, printBackground: true });
        if (op.signal.aborted) throw op.signal.reason;
        return new Uint8Array(pdf);
      } finally {
        op.signal.removeEventListener('abort', closed);
        op.dispose?.();
        closed();
      }
    },
  };
}
