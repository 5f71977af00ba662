// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { fakeBridge, standardAnswers } from './fake-bridge';

const initial = useStore.getState();
const RUNS = [
  { pair: 'lab', startedAt: '2026-02-01T10:00:00.000Z', interrupted: true, applied: { a: 3, b: 0 }, journal: '/data/journal/lab-2026-02-01.jsonl' },
  { pair: 'site-1', startedAt: '2026-01-01T09:00:00.000Z', outcome: 'success', interrupted: false, applied: { a: 20, b: 22 }, journal: '/data/journal/site-1.jsonl' },
];

beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('Home: recent runs and bundles', () => {
  it('lists past runs with their outcome, and tells how to finish an interrupted one', async () => {
    const fake = fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs: RUNS } }) } as never);
    setBridge(fake.bridge);
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Recent runs and bundles' });
    await within(card).findByText('site-1');
    expect(card.textContent).toMatch(/site-1.*2026-01-01 09:00:00.*verified and saved.*42 lines applied/);
    expect(card.textContent).toMatch(/lab.*interrupted — finish its rollback with hotpair recover.*\/data\/journal\/lab-2026-02-01\.jsonl/);
    // Coming back to Home asks again, so a run finished on Pairing shows up.
    fireEvent.keyDown(window, { key: '2', altKey: true });
    fireEvent.keyDown(window, { key: '1', altKey: true });
    await screen.findByRole('region', { name: 'Recent runs and bundles' });
    expect(fake.callsTo('pair.runs').length).toBeGreaterThanOrEqual(2);
  });

  it('says what went wrong when the journals cannot be read, and what to do with none', async () => {
    setBridge(fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: false, error: { code: 'INTERNAL', message: 'EACCES: permission denied' } }) } as never).bridge);
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not read the run journals: EACCES/);
    cleanup();
    useStore.setState(initial, true);
    setBridge(fakeBridge({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs: [] } }) } as never).bridge);
    render(<App />);
    expect(await screen.findByText(/No commissioning runs yet\. Start the lab pair/)).toBeTruthy();
  });
});

describe('Home: your pairs', () => {
  it('opens a picked pair file in the editor, and shows why one could not be opened', async () => {
    const fake = fakeBridge({
      ...standardAnswers(),
      'pair.runs': () => ({ ok: true, data: { runs: [] } }),
      'pairs.open': (input: { name: string }) =>
        input.name === 'bad.yaml'
          ? { ok: false, error: { code: 'VALIDATION', message: 'bad.yaml:2:9: unexpected end', fix: 'Correct the file and open it again.' } }
          : { ok: true, data: { doc: { name: 'site-7', devices: {} } } },
    } as never);
    setBridge(fake.bridge);
    render(<App />);
    const input = await screen.findByLabelText('Open a pair file');
    fireEvent.change(input, { target: { files: [new File(['name: x\ndevices: [\n'], 'bad.yaml')] } });
    const card = screen.getByRole('region', { name: 'Your pairs' });
    expect((await within(card).findByRole('alert')).textContent).toMatch(/bad\.yaml:2:9: unexpected end.*Correct the file/);
    fireEvent.change(input, { target: { files: [new File(['name: site-7\n'], 'site-7.yaml')] } });
    await screen.findByRole('heading', { name: /Pairing/ });
    expect(useStore.getState().editor.source).toBe('site-7.yaml');
    expect(useStore.getState().editor.doc).toMatchObject({ name: 'site-7' });
    expect(fake.callsTo('pairs.open').length).toBe(2);
  });
});
