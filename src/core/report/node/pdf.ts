/**
 * The report as PDF. Who prints depends on where HotPair runs: the system's Chromium (the CLI,
 * browser mode) or Electron's printToPDF (the desktop app's main process implements PdfPrinter
 * itself). Where neither exists the caller says so and keeps the HTML.
 */
import { existsSync } from 'node:fs';
import { withTimeout } from '../../base/abort';
import type { Message } from '../../base/message';

export type Paper = 'A4' | 'Letter';

export interface PdfPrinter {
  /** What prints, for the user ("chromium /usr/bin/chromium", "electron"). */
  readonly name: string;
  print(html: string, o: { paper: Paper; signal?: AbortSignal }): Promise<Uint8Array>;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** A closed network: nothing for the browser to fetch or update, no sandbox in containers. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Launch, lay out and print one report; a report of a few hundred KB takes about a second. */
export const PDF_RENDER_TIMEOUT_MS = 60_000;

/** Chromium through playwright-core, or why it cannot be used here. */
export async function chromiumPrinter(executablePath = CHROMIUM_PATH): Promise<{ ok: true; printer: PdfPrinter } | { ok: false; why: string; said: Message }> {
  if (!existsSync(executablePath)) return { ok: false, why: `no Chromium at ${executablePath}`, said: { code: 'report.no-pdf.no-chromium', params: { path: executablePath } } };
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { ok: false, why: 'playwright-core is not installed', said: { code: 'report.no-pdf.no-playwright' } };
  }
  return {
    ok: true,
    printer: {
      name: `chromium ${executablePath}`,
      async print(html, o) {
        const op = withTimeout(o.signal, PDF_RENDER_TIMEOUT_MS, { limit: 'pdf' });
        const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
        const closed = () => void browser.close().catch(() => undefined);
        op.signal.addEventListener('abort', closed, { once: true });
        try {
          const page = await browser.newPage({ javaScriptEnabled: false });
          // Offline by construction: any request the page would make is refused.
          await page.route('**/*', (route) => route.abort());
          await page.setContent(html, { waitUntil: 'load', timeout: PDF_RENDER_TIMEOUT_MS });
          const pdf = await page.pdf({ format: o.paper, printBackground: true, preferCSSPageSize: false });
          op.signal.throwIfAborted();
          return pdf;
        } finally {
          op.signal.removeEventListener('abort', closed);
          op.dispose();
          await browser.close().catch(() => undefined);
        }
      },
    },
  };
}
