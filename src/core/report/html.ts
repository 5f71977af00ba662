/**
 * The commissioning report as one self-contained HTML page: inline CSS and SVG only, nothing
 * fetched (the page's own policy forbids it), the same bytes for the same input. The signature
 * is appended after it (signature.ts).
 */
import { say } from './say';
import { drillsSection } from './drills';
import { esc, section, table } from './html-text';
import { REPORT_FORMAT, REPORT_FORMAT_VERSION, type ReportInput } from './model';
import { devicesSection, ENGLISH_REPORT, evidenceSection, healthSection, planSection, rulesSection, summarySection, verificationSection, type ReportLanguage } from './sections';
import type { Translator } from '../base/message';
import { REPORT_CSS } from './style';

/** Every section id in page order: the report always has each of them, empty or not. */
export const REPORT_SECTIONS = ['summary', 'devices', 'rules', 'health', 'plan', 'verification', 'drills', 'transcripts', 'versions', 'signoff'] as const;

/** Nothing may load: no script, no fetch, no image or font from anywhere; styles only inline. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function versionsSection(input: ReportInput, tr: Translator): string {
  const { run } = input;
  const rows = [
    [say(tr, 'versions.made-by', 'Report made by'), esc(input.tool)],
    [say(tr, 'versions.run-by', 'Commissioning run by'), esc(run.tool)],
    [say(tr, 'versions.pack', 'Platform pack'), esc(run.pack ? `${run.pack.id} ${run.pack.version}` : say(tr, 'not-recorded', '(not recorded)'))],
    [say(tr, 'versions.format', 'Report format'), esc(`${REPORT_FORMAT} ${REPORT_FORMAT_VERSION}`)],
    [say(tr, 'versions.journals', 'Journals'), `<span class="mono">${[run.journal, ...input.drills.flatMap((d) => (d.journal ? [d.journal] : []))].map(esc).join('<br>')}</span>`],
    [say(tr, 'versions.key', 'Signing key'), `<span class="mono">${esc(input.signer ?? say(tr, 'versions.unsigned', 'unsigned'))}</span>`],
  ];
  return section('versions', say(tr, 'versions.title', 'Versions'), table([say(tr, 'versions.item', 'Item'), say(tr, 'versions.value', 'Value')], rows));
}

function signoffSection(input: ReportInput, tr: Translator): string {
  const fine = (code: string, en: string) => `<p class="fine">${esc(say(tr, `signoff.${code}`, en))}</p>`;
  const box = (who: string, nameGiven: string | undefined) =>
    `<div><strong>${esc(who)}</strong>${fine('name', 'Name')}<div class="line">${esc(nameGiven ?? '')}</div>${fine('signature', 'Signature')}<div class="line"></div>${fine('date', 'Date')}<div class="line"></div></div>`;
  const text = `<p>${esc(say(tr, 'signoff.text', 'The undersigned confirm the commissioning and the drills recorded above.'))}</p>`;
  return section('signoff', say(tr, 'signoff.title', 'Acceptance'), `${text}\n<div class="signoff">${box(say(tr, 'signoff.engineer', 'Engineer'), input.engineer)}${box(say(tr, 'signoff.customer', 'Customer'), input.customer)}</div>`);
}

/**
 * The page in the reader's language (`lang`; English without one). The page names its language
 * in `<html lang>`, inside the signed bytes, so a reader cannot relabel a report unnoticed.
 */
export function renderReportHtml(input: ReportInput, lang: ReportLanguage = ENGLISH_REPORT): string {
  const { run } = input;
  const { tr } = lang;
  const title = say(tr, 'title', `Commissioning report — ${run.pair}`, { pair: run.pair });
  // The run id is set in a monospace span: a placeholder marks its place in the translated sentence.
  const sub = say(tr, 'sub', `Run \u0000, started ${run.startedAt}; report made ${input.generatedAt}.`, { run: '\u0000', started: run.startedAt, made: input.generatedAt });
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="sub">${esc(sub).replace('\u0000', `<span class="mono">${esc(run.runId)}</span>`)}</p>`,
    summarySection(run, input.drills.length, tr),
    devicesSection(run, tr),
    rulesSection(run, lang),
    healthSection(run, tr),
    planSection(run, tr),
    verificationSection(run, tr),
    drillsSection(input.drills, tr),
    evidenceSection(run, tr),
    versionsSection(input, tr),
    signoffSection(input, tr),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(tr.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="generator" content="${esc(input.tool)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
