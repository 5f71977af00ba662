// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, LAB, renderApp, RUNS, screenEnglish, SETTINGS_ANSWERS } from './helpers';

inPseudoLocale();

describe('pseudo-locale: the shell, Home and Settings', () => {
  it('the shell, navigation and Home', async () => {
    renderApp({ ...standardAnswers(), 'pair.runs': () => ({ ok: true, data: { runs: RUNS } }), 'lab.status': () => ({ ok: true, data: LAB }) });
    await screen.findByText('site-1');
    await screen.findByText('FW1');
    expect(bareEnglish(document.body, DATA)).toEqual([]);
    expect(screen.getByRole('navigation').textContent).toContain('［Pairing］');
  });

  it('Settings: language, monitor (with a wrong port), known hosts and saved logins', async () => {
    renderApp({ ...standardAnswers(), ...SETTINGS_ANSWERS, 'pair.runs': () => ({ ok: true, data: { runs: [] } }) });
    await screen.findByText('［No commissioning runs yet. Start the lab pair, then Pairing walks you through one.］');
    act(() => void fireEvent.keyDown(window, { key: '6', altKey: true }));
    await screen.findByRole('radiogroup', { name: '［Language］' });
    const monitor = await screen.findByRole('form', { name: '［Monitor settings］' });
    fireEvent.change(within(monitor).getByLabelText(/Syslog receiver port/), { target: { value: '70000' } });
    fireEvent.change(within(monitor).getByLabelText(/Syslog receiver address/), { target: { value: '' } });
    await within(monitor).findByText(/type a whole number from 1 to 65535/);
    await screen.findByText(/admin-fw/);
    await screen.findByText('SHA256:host');
    expect(screenEnglish(DATA)).toEqual([]);
  });
});
