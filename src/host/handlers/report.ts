import { PRODUCT_NAME, PRODUCT_VERSION } from '../../core/base/product';
import { KeyStore } from '../../core/bundle/node/keys';
import { makeSignedReport, reportFileName } from '../../core/report/node/make';
import { chromiumPrinter, type PdfPrinter } from '../../core/report/node/pdf';
import { verifyReport } from '../../core/report/node/sign';
import type { Handlers } from '../types';

export interface ReportHostOptions {
  /** The bundles' key store: the report is signed with the same key. Absent: no report channels. */
  keysDir: string | undefined;
  /** The data dir holding `journal/` (the wizard's and `hotpair pair`'s runs). */
  journalBase: string;
  /** Electron main's printToPDF; absent (browser mode): the system's Chromium, if there is one. */
  pdf?: PdfPrinter;
}

/** report.create / report.verify over core's report: what `hotpair report` does, returned as files to save. */
export function reportHandlers(o: ReportHostOptions): Handlers {
  if (!o.keysDir) return {};
  const store = new KeyStore(o.keysDir);
  const pass = () => process.env.HOTPAIR_KEY_PASSPHRASE || undefined;
  return {
    'report.create': async (input, ctx) => {
      ctx.progress({ step: 'reading the journal and signing the report', code: 'host.status.signing-report' });
      const made = makeSignedReport({
        base: o.journalBase,
        run: input.run,
        key: store.signingKey(pass()),
        tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}`,
        ...(input.engineer ? { engineer: input.engineer } : {}),
        ...(input.customer ? { customer: input.customer } : {}),
        ...(input.lang ? { lang: input.lang } : {}),
      });
      const name = reportFileName(made.run);
      const out = { html: { name, data: made.bytes.toString('base64') }, pair: made.run.pair, runId: made.run.runId, drills: made.drills.length, signer: made.signer };
      if (!input.pdf) return out;
      const printer = o.pdf ? { ok: true as const, printer: o.pdf } : await chromiumPrinter();
      if (!printer.ok) {
        const why = { sep: 'comma' as const, items: [printer.said] };
        return { ...out, pdfUnavailable: `no PDF printer here (${printer.why}): save the HTML and print it from a browser`, pdfUnavailableSaid: { code: 'report.no-pdf.no-printer', params: { why } } };
      }
      ctx.progress({ step: `printing to PDF (${printer.printer.name})`, code: 'host.status.printing-pdf', params: { printer: printer.printer.name } });
      const pdf = await printer.printer.print(made.bytes.toString('utf8'), { paper: input.paper, signal: ctx.signal });
      return { ...out, pdf: { name: name.replace(/\.html$/, '.pdf'), data: Buffer.from(pdf).toString('base64') } };
    },
    'report.verify': ({ data }) => {
      const v = verifyReport(Buffer.from(data, 'base64'), (fp) => store.isTrusted(fp, pass()));
      if (!v.ok) return { valid: false, trusted: false, ...(v.fingerprint ? { signer: v.fingerprint } : {}), findings: [`Refused: ${v.problem}.`] };
      return {
        valid: true,
        trusted: v.trusted,
        signer: v.fingerprint,
        findings: v.trusted ? [] : [`Unchanged, but signed by ${v.fingerprint}, which is not trusted here; import its public key (Bundles → Trust a creator) after checking the fingerprint with its owner.`],
      };
    },
  };
}

