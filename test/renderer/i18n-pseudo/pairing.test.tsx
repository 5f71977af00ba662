// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../../../renderer/src/features/pairing/DiagnosticList';
import { PairForm } from '../../../renderer/src/features/pairing/PairForm';
import { ScriptPreview } from '../../../renderer/src/features/pairing/ScriptPreview';
import { useStore } from '../../../renderer/src/store/index';
import { Pair } from '../../../src/core/model/pair';
import { validatePair } from '../../../src/core/validate/index';
import { asPair } from '../../core/validate/fixtures';
import { RENDERED, standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, renderApp, screenEnglish } from './helpers';

inPseudoLocale();

/** A pair with real findings: the same control IP on both devices, dual-active without a standby group. */
function conflictingPair() {
  const doc = asPair();
  doc.devices.b.controlChannel.localIp = doc.devices.a.controlChannel.localIp;
  doc.mode = 'dual-active';
  return doc;
}

/**
 * The host's answer for the text the form sends: the real rules' findings, plus one about the file
 * as a whole (no field's path), which the form lists above its sections.
 */
function validateAll(i: Record<string, unknown>) {
  const diagnostics = validatePair(Pair.parse(JSON.parse(String(i.text))));
  const whole = { ...diagnostics[0]!, path: '' };
  return { ok: true, data: { diagnostics: [...diagnostics, whole], valid: false, checked: 'rules' } };
}

describe('pseudo-locale: the pairing form', () => {
  it('Pairing: where to start, then the whole form with lists, findings, defaults and the scripts', async () => {
    renderApp({ ...standardAnswers(), 'pairs.validate': validateAll, 'pairs.schema': () => ({ ok: false, error: { code: 'INTERNAL', message: 'schema unavailable' } }) });
    act(() => void fireEvent.keyDown(window, { key: '2', altKey: true }));
    await screen.findByRole('button', { name: '［A new pair］' });
    expect(screenEnglish(DATA)).toEqual([]);
    cleanup();

    // a pair with lists (track, VRRP, interfaces) and real findings
    await act(async () => useStore.getState().openDoc('site-1', conflictingPair()));
    render(
      <>
        <PairForm />
        <ScriptPreview />
      </>,
    );
    await screen.findByRole('region', { name: '［Findings about the whole file］' });
    await screen.findByRole('alert');
    expect(bareEnglish(document.body, DATA)).toEqual([]);
    // the scripts, once the pair validates and renders
    act(() => useStore.setState((st) => ({ editor: { ...st.editor, valid: true, render: RENDERED.data as never } })));
    await screen.findByRole('tablist', { name: '［Device］' });
    expect(bareEnglish(document.body, DATA)).toEqual([]);
  });

  it('the pairing form\'s findings, from real rule diagnostics', () => {
    const diagnostics = validatePair(Pair.parse(conflictingPair()));
    expect(diagnostics.length).toBeGreaterThan(1);
    const { container } = render(<DiagnosticList diagnostics={diagnostics} showPath />);
    expect(bareEnglish(container, DATA)).toEqual([]);
  });
});
