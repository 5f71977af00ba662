// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { fakeBridge, SETTINGS, standardAnswers } from './fake-bridge';

afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('the app\'s language', () => {
  it('follows the language setting, and the settings screen changes it for the whole app', async () => {
    let saved: Record<string, unknown> = { ...SETTINGS, language: 'zh-CN' };
    const fake = fakeBridge({
      ...standardAnswers(),
      'pair.runs': () => ({ ok: true, data: { runs: [] } }),
      'settings.get': () => ({ ok: true, data: saved }),
      'settings.set': (i: Record<string, unknown>) => ({ ok: true, data: (saved = { ...saved, ...i }) }),
    } as never);
    setBridge(fake.bridge);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(nav.textContent).toBe('HotPair首页配对监控控制台离线包设置');
    expect(document.documentElement.lang).toBe('zh-CN');
    fireEvent.keyDown(window, { key: '6', altKey: true });
    const group = await screen.findByRole('radiogroup', { name: '语言' });
    fireEvent.click(within(group).getByLabelText('English'));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(fake.callsTo('settings.set').at(-1)!.input).toEqual({ language: 'en' });
    expect(useStore.getState().settings?.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
