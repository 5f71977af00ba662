// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { BundlesScreen } from '../../renderer/src/features/bundles/BundlesScreen';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { fakeBridge, standardAnswers } from './fake-bridge';

const initial = useStore.getState();
const COMMISSIONING = { pair: 'lab', startedAt: '2026-03-01T10:00:00.000Z', outcome: 'success', interrupted: false, applied: { a: 20, b: 22 }, journal: '/data/journal/lab-2026-03-01T10-00-00-000Z.jsonl' };
const DRILL = {
  pair: 'lab',
  startedAt: '2026-03-01T11:00:00.000Z',
  outcome: 'success',
  interrupted: false,
  applied: { a: 0, b: 0 },
  journal: '/data/journal/lab-2026-03-01T11-00-00-000Z.jsonl',
  drill: { kind: 'switchover', outcome: 'passed', switchoverMs: 1840.4, interruptionMs: 1650, failedProbes: 31, sessionsPreservedPct: 100 },
};
const FAILED_DRILL = { ...DRILL, journal: '/data/journal/lab-x.jsonl', outcome: 'failed', drill: { kind: 'link', interface: 'GigabitEthernet1/0/1', outcome: 'failed', switchoverMs: null, interruptionMs: null, failedProbes: null, sessionsPreservedPct: null } };
const b64 = (s: string) => btoa(s);
const saved: { name: string; type: string }[] = [];
const blobs: Blob[] = [];

beforeEach(() => {
  useStore.setState(initial, true);
  saved.length = 0;
  blobs.length = 0;
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, type: blobs.at(-1)?.type ?? '' });
  });
});
afterEach(() => {
  cleanup();
  setBridge(undefined);
  vi.restoreAllMocks();
});

describe('Recent runs: drills and reports', () => {
  it('shows a drill as a drill with its interruption, and a failed one in words', async () => {
    setBridge(fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs: [DRILL, FAILED_DRILL, COMMISSIONING] } }) } as never).bridge);
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Recent runs and bundles' });
    const items = await within(card).findAllByRole('listitem');
    expect(items[0]!.textContent).toMatch(/drill passed switchover drill: switchover 1840 ms, interruption 1650 ms, 31 failed probes/);
    expect(items[0]!.textContent).not.toMatch(/verified and saved|lines applied/);
    expect(items[1]!.textContent).toMatch(/drill failed link drill \(GigabitEthernet1\/0\/1\)/);
    expect(within(items[1]!).queryByRole('button', { name: /Report/ })).toBeNull();
    expect(items[2]!.textContent).toMatch(/verified and saved/);
  });

  it('makes the signed report of a commissioning run with the names given, and saves the HTML and the PDF', async () => {
    const fake = fakeBridge({
      ...standardAnswers(),
      'pair.runs': () => ({ ok: true, data: { runs: [DRILL, COMMISSIONING] } }),
      'report.create': (i: Record<string, unknown>) => ({
        ok: true,
        data: {
          html: { name: 'lab-2026-03-01T10-00-00-000Z-report.html', data: b64('<!DOCTYPE html><p>report</p>') },
          ...(i.pdf ? { pdf: { name: 'lab-2026-03-01T10-00-00-000Z-report.pdf', data: b64('%PDF-1.7') } } : {}),
          pair: 'lab',
          runId: 'run-1',
          drills: 1,
          signer: 'SHA256:abcdef',
        },
      }),
    } as never);
    setBridge(fake.bridge);
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Recent runs and bundles' });
    fireEvent.click(await within(card).findByRole('button', { name: /^Report of lab, 2026-03-01 10:00:00/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Commissioning report' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'HTML and PDF' }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Paper' }), { target: { value: 'Letter' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Engineer' }), { target: { value: ' Li Wei ' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Customer' }), { target: { value: 'ACME Ltd' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make and save the report' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toMatch(/^Saved/));
    const done = within(dialog).getByRole('status');
    expect(fake.callsTo('report.create')[0]!.input).toMatchObject({ run: COMMISSIONING.journal, pdf: true, paper: 'Letter', engineer: 'Li Wei', customer: 'ACME Ltd' });
    expect(saved).toEqual([
      { name: 'lab-2026-03-01T10-00-00-000Z-report.html', type: 'text/html' },
      { name: 'lab-2026-03-01T10-00-00-000Z-report.pdf', type: 'application/pdf' },
    ]);
    expect(await blobs[0]!.text()).toBe('<!DOCTYPE html><p>report</p>');
    expect(done.textContent).toMatch(/Saved lab-.*-report\.html and lab-.*-report\.pdf, signed by SHA256:abcdef, with 1 drill\./);
    // The report's bytes are handed to the download, never kept in the store.
    expect(JSON.stringify(useStore.getState().report)).not.toContain(b64('%PDF-1.7'));
  });

  it('keeps the HTML and says why when no PDF printer exists, and shows a refusal', async () => {
    let n = 0;
    setBridge(
      fakeBridge({
        ...standardAnswers(),
        'pair.runs': () => ({ ok: true, data: { runs: [COMMISSIONING] } }),
        'report.create': () =>
          ++n === 1
            ? { ok: true, data: { html: { name: 'r.html', data: b64('x') }, pdfUnavailable: 'no PDF printer here (no Chromium at /usr/bin/chromium)', pair: 'lab', runId: 'r', drills: 0, signer: 'SHA256:k' } }
            : { ok: false, error: { code: 'NOT_FOUND', message: 'no run "x" in the journals' } },
      } as never).bridge,
    );
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: /^Report of lab/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Commissioning report' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'HTML and PDF' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make and save the report' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toMatch(/No PDF: no PDF printer here \(no Chromium/));
    expect(saved.map((s) => s.name)).toEqual(['r.html']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make it again' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/No report\. no run "x"/);
  });
});

describe('Verify a report (Bundles)', () => {
  it('says unchanged and who signed it, or refused', async () => {
    const fake = fakeBridge({
      ...standardAnswers(),
      'bundles.keys': () => ({ ok: true, data: { own: { fingerprint: 'SHA256:k', publicKey: 'x' }, trusted: [] } }),
      'report.verify': (i: Record<string, unknown>) =>
        i.name === 'good.html' ? { ok: true, data: { valid: true, trusted: true, signer: 'SHA256:k', findings: [] } } : { ok: true, data: { valid: false, trusted: false, findings: ['Refused: the report was altered after it was signed.'] } },
    } as never);
    setBridge(fake.bridge);
    render(<BundlesScreen />);
    const card = screen.getByRole('region', { name: 'Verify a report' });
    const input = within(card).getByLabelText(/Report file/);
    fireEvent.change(input, { target: { files: [new File(['<!DOCTYPE html>'], 'good.html', { type: 'text/html' })] } });
    await waitFor(() => expect(within(card).getByRole('status').textContent).toMatch(/good\.html: unchanged since it was signed — signed by SHA256:k/));
    expect(fake.callsTo('report.verify')[0]!.input).toEqual({ name: 'good.html', data: b64('<!DOCTYPE html>') });
    fireEvent.change(input, { target: { files: [new File(['<!DOCTYPE html>!'], 'edited.html')] } });
    await waitFor(() => expect(within(card).getByRole('status').textContent).toMatch(/edited\.html: refused.*altered after it was signed/));
  });
});
