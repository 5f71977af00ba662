// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../../../renderer/src/store/index';
import type { DeviceFacts } from '../../../src/core/model/facts';
import { parseClock, parserWarningSaid } from '../../../src/core/parse/index';
import { openPairing, wizardAnswers } from '../pairing-fakes';
import { DATA, inPseudoLocale, screenEnglish, ta } from './helpers';

inPseudoLocale();

const tw = (key: string, params?: Record<string, unknown>) => ta(`wizard.${key}`, params);

/** Facts as discovery makes them from a device that printed a line no parser knows and refused a display. */
function unreadFacts(): DeviceFacts {
  const parser = parseClock('what time is it\n').warnings;
  const refusal = "% Unrecognized command found at '^' position.";
  return {
    sysname: 'FW1',
    model: 'F1000-AK1xx',
    interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24', link: 'up' }],
    vrrp: [],
    tracks: [],
    warnings: [...parser, `display track all: rejected by the device (${refusal})`],
    warningsSaid: [...parser.map(parserWarningSaid), { code: 'discover.warning.rejected', params: { command: 'display track all', reason: refusal } }],
  };
}

describe('pseudo-locale: what discovery could not read', () => {
  it('lists each device\'s warnings under the facts, through the catalogue, device values as written', async () => {
    const a = unreadFacts();
    const b = { ...a, sysname: 'FW2', warnings: [], warningsSaid: [] };
    expect(a.warnings.length).toBeGreaterThanOrEqual(2);
    await openPairing({ ...wizardAnswers(), 'devices.discover': () => ({ ok: true, data: { facts: { a, b }, mismatches: [] } }) } as never, 'site-1');
    await useStore.getState().connect('a', { password: 'x' }, `SHA256:${'a'.repeat(43)}`);
    await useStore.getState().connect('b', { password: 'x' });
    act(() => useStore.getState().goStep('discover'));
    const list = await screen.findByRole('region', { name: tw('discover.warnings', { device: 'A', count: a.warnings.length }) });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(a.warnings.length);
    // The device's own words stay as it printed them, inside the catalogue's sentence.
    expect(items.some((t) => t.includes('"what time is it"') && t.includes('display clock') && t.includes('［'))).toBe(true);
    expect(items.some((t) => t.includes('display track all') && t.includes('［'))).toBe(true);
    expect(screen.queryByRole('region', { name: tw('discover.warnings', { device: 'B', count: 0 }) })).toBeNull();
    // Values the screen shows as they are: the facts themselves and the device words in the warnings.
    const values = new Set([...DATA, 'FW2', 'F1000-AK1xx', '10.1.1.1/24 · up', ...a.interfaces.map((i) => i.name)]);
    // A warning shown as core's English (outside the catalogue) would be bare text here.
    expect(screenEnglish(values)).toEqual([]);
    expect(items.every((t) => t.includes('［'))).toBe(true);
  });
});

describe('pseudo-locale: an inventory row in the editor', () => {
  it('an inventory row opened in the editor is named from the catalogue, the file name as written', async () => {
    await openPairing(wizardAnswers() as never, 'site-1');
    act(() => useStore.setState({ inventory: { source: 'sites.csv', pairs: [{ row: 3, name: 'site-3', doc: { name: 'site-3' } }], errors: [] } }));
    act(() => useStore.getState().openInventoryRow(3));
    const source = useStore.getState().editor.source;
    expect(source).toBe(ta('home.files.rowSource', { source: 'sites.csv', row: 3 }));
    expect(source.startsWith('［') && source.includes('sites.csv')).toBe(true);
  });
});
