import { describe, expect, it } from 'vitest';
import { fingerprint, generateSigningKey } from '../../../../src/core/bundle/node/crypto';
import { commissioningFromJournal } from '../../../../src/core/report/from-journal';
import { renderReportHtml } from '../../../../src/core/report/html';
import { signReport, verifyReport } from '../../../../src/core/report/node/sign';
import { SIGNATURE_OPEN } from '../../../../src/core/report/signature';
import { commissioningJournal } from '../fixtures';

const key = generateSigningKey();
const fp = fingerprint(key.publicKeyRaw);
const html = renderReportHtml({ run: commissioningFromJournal(commissioningJournal(), 'j.jsonl')!, drills: [], generatedAt: '2025-03-01T12:00:00.000Z', tool: 'hotpair test', signer: fp });
const signed = signReport(html, key);
const trusted = (f: string) => f === fp;

describe('report signature', () => {
  it('verifies unchanged, names the signer and whether it is trusted', () => {
    expect(signed.subarray(0, Buffer.byteLength(html)).toString('utf8')).toBe(html);
    expect(signed.toString('utf8').endsWith(' -->\n')).toBe(true);
    expect(verifyReport(signed, trusted)).toEqual({ ok: true, fingerprint: fp, trusted: true });
    expect(verifyReport(signed, () => false)).toEqual({ ok: true, fingerprint: fp, trusted: false });
  });

  it('refuses every one of 160 single-byte edits spread over the page and the signature comment', () => {
    const trailerAt = signed.lastIndexOf(SIGNATURE_OPEN);
    // 100 positions evenly over the page, 60 over the signature comment (its every part: marker, JSON, base64, end).
    const page = Array.from({ length: 100 }, (_, i) => Math.floor((i * trailerAt) / 100));
    const comment = Array.from({ length: 60 }, (_, i) => trailerAt + Math.floor((i * (signed.length - trailerAt)) / 60));
    const positions = [...new Set([...page, ...comment, signed.length - 1])];
    expect(positions.length).toBeGreaterThanOrEqual(150);
    const accepted = positions.filter((p, i) => {
      const copy = Buffer.from(signed);
      copy[p] = copy[p]! ^ (1 << i % 8);
      return verifyReport(copy, trusted).ok;
    });
    expect(accepted).toEqual([]);
  });

  it('refuses a cut, an addition, a second signature and a page signed by another key presented as this one', () => {
    expect(verifyReport(signed.subarray(0, signed.length - 1), trusted)).toMatchObject({ ok: false });
    expect(verifyReport(Buffer.concat([signed, Buffer.from('\n')]), trusted)).toMatchObject({ ok: false });
    expect(verifyReport(Buffer.from(html), trusted)).toEqual({ ok: false, problem: 'the file carries no HotPair signature' });
    const other = generateSigningKey();
    const forged = Buffer.concat([Buffer.from(html.replace('hotpair test', 'hotpair TEST')), signed.subarray(Buffer.byteLength(html))]);
    expect(verifyReport(forged, trusted)).toMatchObject({ ok: false, problem: 'the report was altered after it was signed' });
    const resigned = signReport(html.replace('hotpair test', 'hotpair TEST'), other);
    expect(verifyReport(resigned, trusted)).toEqual({ ok: true, fingerprint: fingerprint(other.publicKeyRaw), trusted: false });
  });
});
