// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../src/core/base/errors';
import { useStore } from '../../../renderer/src/store/index';
import { standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, renderApp } from './helpers';

inPseudoLocale();

/**
 * A host error shown on Home or in place of the app says its message key's sentence: its English
 * `message` (the fallback for a reader without a catalogue) must never reach the screen. Each
 * error here carries English no catalogue holds, so showing it would leave bare words.
 */
const keyed = (key: string, params: Record<string, string> = {}, fix = true): ErrorInfo => ({
  code: 'NOT_FOUND',
  message: 'English the host wrote',
  ...(fix ? { fix: 'English fix the host wrote' } : {}),
  key,
  params,
});

describe('pseudo-locale: host errors on Home and at boot', () => {
  it('the examples, recent runs, lab and opened-file cards', async () => {
    renderApp({
      ...standardAnswers(),
      'examples.list': () => ({ ok: false, error: keyed('host.no-example', { id: 'lab-x' }) }),
      'pair.runs': () => ({ ok: false, error: keyed('report.find.none') }),
      'lab.status': () => ({ ok: true, data: { state: 'stopped', devices: [], error: keyed('error.internal.hidden', {}, false) } }),
    });
    await screen.findByText(/No example named "lab-x"/);
    await screen.findByText(/Could not read the run journals/);
    await screen.findByText(/Internal error/);
    act(() => useStore.setState({ openError: keyed('bundle.usb.same-file', { name: 'site-1.cfg' }) }));
    await screen.findByText(/two files would be named site-1\.cfg/);
    const shown = bareEnglish(document.body, DATA);
    expect(shown).toEqual([]);
    expect(document.body.textContent).not.toContain('English');
  });

  it('the shell when the host cannot be reached', async () => {
    renderApp({ ...standardAnswers(), 'app.info': () => ({ ok: false, error: { ...keyed('error.internal.hidden', {}, false), code: 'DISCONNECTED' } }) });
    await screen.findByText(/Internal error/);
    expect(bareEnglish(document.body, DATA)).toEqual([]);
    expect(document.body.textContent).not.toContain('English');
  });
});
