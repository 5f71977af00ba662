// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../../../renderer/src/store/index';
import { inventoryToPairInputs } from '../../../src/core/bundle/inventory';
import { loadPairObject } from '../../../src/core/model/pair-loader';
import { fromLoadError } from '../../../src/host/pair-text';
import { asPair } from '../../core/validate/fixtures';
import { standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, renderApp } from './helpers';

inPseudoLocale();

/**
 * Inventory rows the host could not use, made by the core the host runs (the host's own answers
 * are checked in test/i18n/errors-render-monitor.test.ts; its Node-only parts stay out of the
 * renderer's build): the Home card and the Bundles screen say why in the reader's language, only
 * the file's own values (row names, paths, rule ids) as written.
 */
const unbracketed = (t: string): string => (/［[^［］]*］/.test(t) ? unbracketed(t.replace(/［[^［］]*］/g, ' ')) : t);

describe('pseudo-locale: refused inventory rows', () => {
  it('the Open-files card names each row error through its message', async () => {
    const { pairs, errors } = inventoryToPairInputs([{ name: 'site-1', 'vrrp.x.vrid': '3' }, { name: 'site-2', 'name.first': 'x' }, { name: 'site-3' }], { vrrp: [] });
    expect(errors).toHaveLength(2);
    renderApp(standardAnswers());
    act(() => useStore.setState({ inventory: { source: 'sites.csv', pairs: pairs.map(({ row, input }) => ({ row, name: String(input.name), doc: input })), errors } }));
    await screen.findByText(/vrrp\.x\.vrid/);
    const card = screen.getByRole('region', { name: /Your pairs/ });
    // Each reason is the catalogue's, bracketed inside the row's own bracketed line.
    expect(card.textContent).toContain('［segment "x" does not fit: expected a list index here］');
    expect(card.textContent).toContain('［"name" is a value, not a section］');
    expect(bareEnglish(card, new Set([...DATA, 'site-3', 'sites.csv']))).toEqual([]);
  });

  it('the Bundles screen lists the rows bundle creation refused, each in the reader\'s language', async () => {
    const cell = inventoryToPairInputs([{ name: 'site-a', 'name.first': 'x' }]).errors[0]!;
    const schema = loadPairObject({ ...asPair(), name: 'site-b', mode: 'sideways' });
    const conflicting = asPair();
    conflicting.devices.b.controlChannel.localIp = conflicting.devices.a.controlChannel.localIp;
    const rules = loadPairObject({ ...conflicting, name: 'site-c' });
    if (schema.ok || !rules.ok) throw new Error('the rows were meant to fail the schema and the rules');
    const refused = ['row 1 column name.first: English the host wrote', 'row 2: English the host wrote', 'row 3: English the host wrote', 'row 5: English the host wrote'];
    const refusedSaid = [
      { row: 1, column: 'name.first', said: cell.said },
      { row: 2, diagnostics: schema.errors.map(fromLoadError) },
      { row: 3, diagnostics: rules.diagnostics.filter((d) => d.severity === 'error') },
      { row: 5, said: { code: 'bundle.row-repeat', params: { name: 'site-d' } } },
    ];
    renderApp(standardAnswers());
    act(() => useStore.getState().navigate('bundles'));
    act(() => useStore.setState({ created: { name: 'bundles.zip', count: 1, refused, refusedSaid } }));
    const list = (await screen.findByText(/inventory rows refused/)).closest('details')!;
    expect(list.textContent).not.toContain('English');
    // What stays bare: the file's paths and rule ids, the values it holds.
    const words = [...list.querySelectorAll('li')].flatMap((li) => unbracketed(li.textContent!).split(/[\s:;,[\]"“”]+/).filter((w) => /[A-Za-z]/.test(w)));
    const allowed = new Set(['mode', 'sideways', 'active-standby', '|', 'dual-active', 'mirroring', 'devices.b.controlChannel.localIp', 'channel.local-ne-peer']);
    expect(words.filter((w) => !allowed.has(w))).toEqual([]);
    expect(list.textContent).toContain('channel.local-ne-peer');
  });
});
