/**
 * report.create and report.verify as the desktop app and browser mode call them: the same signed
 * report as the CLI, returned as files to save; a PDF through the printer the host was given.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../../src/core/bundle/node/keys';
import { generateSigningKey, fingerprint } from '../../src/core/bundle/node/crypto';
import { signReport } from '../../src/core/report/node/sign';
import { reportHandlers } from '../../src/host/handlers/report';
import type { HandlerContext } from '../../src/host/types';
import { commissioningJournal, drillJournal, drillRecord } from '../core/report/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'hotpair-report-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'journal'));
writeFileSync(join(dir, 'journal', 'site-1-2025-03-01T10-00-00-000Z.jsonl'), commissioningJournal());
writeFileSync(join(dir, 'journal', 'site-1-2025-03-01T11-00-00-000Z.jsonl'), drillJournal(drillRecord()));

const steps: string[] = [];
const ctx: HandlerContext = { signal: new AbortController().signal, progress: (p) => void steps.push(p.step), emit: () => undefined };
const printed: { html: string; paper: string }[] = [];
const handlers = reportHandlers({
  keysDir: join(dir, 'keys'),
  journalBase: dir,
  pdf: { name: 'test printer', print: async (html, o) => (printed.push({ html, paper: o.paper }), Buffer.from('%PDF-1.7 test')) },
});
const create = handlers['report.create']!;
const verify = handlers['report.verify']!;

describe('report channels of the host', () => {
  it('creates the signed report of the last run with its drill, and a PDF through the host printer', async () => {
    const r = await create({ run: 'last', pdf: true, paper: 'Letter', customer: 'ACME Ltd' }, ctx);
    expect(r).toMatchObject({ pair: 'site-1', runId: 'run-0001-abcdef', drills: 1, signer: new KeyStore(join(dir, 'keys')).ownFingerprint() });
    const html = Buffer.from(r.html.data, 'base64').toString('utf8');
    expect(r.html.name).toMatch(/^site-1-2025-03-01T10-00-00-000Z-report\.html$/);
    expect(html).toContain('ACME Ltd');
    expect(html).toContain('1234 ms');
    expect(printed).toEqual([{ html, paper: 'Letter' }]);
    expect(Buffer.from(r.pdf!.data, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(steps[steps.length - 1]).toBe('printing to PDF (test printer)');

    expect(await verify({ name: r.html.name, data: r.html.data }, ctx)).toEqual({ valid: true, trusted: true, signer: r.signer, findings: [] });
    const edited = Buffer.from(r.html.data, 'base64');
    edited[100] = edited[100]! ^ 1;
    expect(await verify({ name: 'x.html', data: edited.toString('base64') }, ctx)).toMatchObject({ valid: false, trusted: false, findings: ['Refused: the report was altered after it was signed.'] });
  });

  it('names an untrusted signer, and says why there is no PDF where no printer exists', async () => {
    const stranger = generateSigningKey();
    const foreign = signReport('<!DOCTYPE html>\n<p>x</p>\n', stranger);
    const v = await verify({ name: 'f.html', data: foreign.toString('base64') }, ctx);
    expect(v).toMatchObject({ valid: true, trusted: false, signer: fingerprint(stranger.publicKeyRaw) });
    expect(v.findings[0]).toMatch(/not trusted here/);
    const noPrinter = reportHandlers({ keysDir: join(dir, 'keys'), journalBase: dir })['report.create']!;
    const missing = '/nonexistent/chromium';
    const { chromiumPrinter } = await import('../../src/core/report/node/pdf');
    expect(await chromiumPrinter(missing)).toMatchObject({ ok: false, why: `no Chromium at ${missing}` });
    const r = await noPrinter({ run: 'run-0001-abcdef', pdf: false, paper: 'A4' }, ctx);
    expect(r.pdf).toBeUndefined();
    expect(reportHandlers({ keysDir: undefined, journalBase: dir })).toEqual({});
  });
});
