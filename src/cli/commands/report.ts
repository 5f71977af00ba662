/**
 * `hotpair report <run>`: the signed commissioning report of a run and the drills that followed
 * it (HTML, and PDF through the system's Chromium); `hotpair report verify FILE`: unchanged since
 * signed, and by whom. The key and the trust list are the bundles'.
 */
import type { Command } from 'commander';
import { toErrorInfo } from '../../core/base/errors';
import { t } from '../i18n';
import { errorLines } from '../error-text';
import { cliCore } from '../../i18n/node/cli-core';

interface ReportFlags {
  output?: string;
  pdf?: boolean;
  paper?: string;
  engineer?: string;
  customer?: string;
  keyPassphraseEnv?: string;
}

function fail(e: unknown, exit = 2): void {
  const info = toErrorInfo(e);
  process.stderr.write(errorLines(info));
  process.exitCode = exit;
}

async function makeReport(which: string, o: ReportFlags): Promise<void> {
  const paper = (o.paper ?? 'a4').toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') return fail(new Error(t('report.paper')));
  const { writeFileSync } = await import('node:fs');
  const { dataDir } = await import('../../core/base/node/paths');
  const { PRODUCT_NAME, PRODUCT_VERSION } = await import('../../core/base/product');
  const { makeSignedReport, reportFileName } = await import('../../core/report/node/make');
  const { keyPassphrase, openKeyStore } = await import('../bundle/keystore');
  const made = makeSignedReport({
    base: dataDir(),
    run: which,
    key: openKeyStore().signingKey(keyPassphrase(o.keyPassphraseEnv)),
    tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}`,
    ...(o.engineer ? { engineer: o.engineer } : {}),
    ...(o.customer ? { customer: o.customer } : {}),
    lang: (await import('../../i18n/node/cli')).cliI18n().language,
  });
  const file = o.output ?? reportFileName(made.run);
  writeFileSync(file, made.bytes, { mode: 0o644 });
  process.stdout.write(`${t('report.made', { pair: made.run.pair, runId: made.run.runId, outcome: made.run.outcome ?? t('report.interrupted'), drills: made.drills.length, file, signer: made.signer })}\n`);
  if (!o.pdf) return;
  const { chromiumPrinter } = await import('../../core/report/node/pdf');
  const chromium = await chromiumPrinter();
  if (!chromium.ok) {
    process.stderr.write(`${t('report.noPdf', { why: cliCore().text(chromium.said.code, chromium.said.params, chromium.why), file })}\n`);
    return;
  }
  const pdfFile = file.replace(/\.html?$/i, '') + '.pdf';
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once('SIGINT', onSigint);
  try {
    writeFileSync(pdfFile, await chromium.printer.print(made.bytes.toString('utf8'), { paper: paper === 'a4' ? 'A4' : 'Letter', signal: ctrl.signal }));
  } finally {
    process.off('SIGINT', onSigint);
  }
  process.stdout.write(`${t('report.pdf', { paper: paper === 'a4' ? 'A4' : 'Letter', printer: chromium.printer.name, file: pdfFile })}\n`);
}

async function verify(file: string, o: { keyPassphraseEnv?: string }): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { verifyReport } = await import('../../core/report/node/sign');
  const { keyPassphrase, openKeyStore } = await import('../bundle/keystore');
  const store = openKeyStore();
  const pass = keyPassphrase(o.keyPassphraseEnv);
  const v = verifyReport(readFileSync(file), (fp) => store.isTrusted(fp, pass));
  if (!v.ok) {
    process.stdout.write(`${t('report.refused', { file, problem: v.problem })}\n`);
    process.exitCode = 1;
  } else if (!v.trusted) {
    process.stdout.write(`${t('report.untrusted', { file, fingerprint: v.fingerprint })}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${t('report.ok', { file, fingerprint: v.fingerprint })}\n`);
}

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description(t('report.desc'))
    .argument('<run>', t('report.run'))
    .option('-o, --output <FILE>', t('report.output'))
    .option('--pdf', t('report.pdf'))
    .option('--paper <SIZE>', t('report.paper'), 'a4')
    .option('--engineer <NAME>', t('report.engineer'))
    .option('--customer <NAME>', t('report.customer'))
    .option('--key-passphrase-env <NAME>', t('bundle.keyPassphraseEnv'))
    .action(async (which: string, o: ReportFlags) => {
      try {
        await makeReport(which, o);
      } catch (e) {
        fail(e);
      }
    });
  report
    .command('verify <file>')
    .description(t('report.verify.desc'))
    .option('--key-passphrase-env <NAME>', t('bundle.keyPassphraseEnv'))
    .action(async (file: string, o: { keyPassphraseEnv?: string }) => {
      try {
        await verify(file, o);
      } catch (e) {
        fail(e);
      }
    });
}
