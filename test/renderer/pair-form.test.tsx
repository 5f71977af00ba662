// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairJsonSchema } from '../../src/core/model/schema';
import { SECTIONS } from '../../renderer/src/features/pairing/fields';
import { PairForm } from '../../renderer/src/features/pairing/PairForm';
import { parseValues } from '../../renderer/src/features/pairing/ValuesInput';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import { DOC, fakeBridge, standardAnswers } from './fake-bridge';

type S = Record<string, unknown>;

/** Every leaf of the pair file's JSON Schema, lists as `path[]` (of objects: `path[].field`). */
function schemaLeaves(): string[] {
  const root = pairJsonSchema() as S;
  const defs = (root.$defs ?? {}) as Record<string, S>;
  const deref = (s: S): S => (typeof s.$ref === 'string' ? deref(defs[s.$ref.replace('#/$defs/', '')]!) : s);
  const out = new Set<string>();
  const walk = (raw: S, path: string) => {
    const s = deref(raw);
    const alts = (s.anyOf ?? s.oneOf ?? s.allOf) as S[] | undefined;
    if (alts) return alts.forEach((a) => deref(a).type !== 'null' && walk(a, path));
    if (s.type === 'object' && s.properties) return Object.entries(s.properties as Record<string, S>).forEach(([k, v]) => walk(v, path ? `${path}.${k}` : k));
    if (s.type === 'array') return walk(s.items as S, `${path}[]`);
    out.add(path);
  };
  walk(root, '');
  out.delete('$schema'); // the editor hint line, not a setting
  return [...out].sort();
}

function formLeaves(): string[] {
  const out: string[] = [];
  for (const s of SECTIONS) {
    for (const f of s.fields) out.push(f.kind === 'list' || f.kind === 'numbers' ? `${f.path}[]` : f.path);
    for (const l of s.lists ?? []) for (const f of l.item) out.push(`${l.path}[].${f.path}`);
  }
  return out.sort();
}

const initial = useStore.getState();
beforeEach(() => {
  useStore.setState(initial, true);
  setBridge(fakeBridge(standardAnswers() as never).bridge);
});
afterEach(() => {
  cleanup();
  setBridge(undefined);
});

describe('the hot-backup form', () => {
  it('has a field for every parameter of the pair file, and none the file does not have', () => {
    expect(formLeaves()).toEqual(schemaLeaves());
  });

  it('reads a list of interfaces or VLANs from one line, keeping what is not a number for the validator', () => {
    expect(parseValues(' GigabitEthernet1/0/1,GigabitEthernet1/0/2  ', false)).toEqual(['GigabitEthernet1/0/1', 'GigabitEthernet1/0/2']);
    expect(parseValues('10, 20 x', true)).toEqual([10, 20, 'x']);
    expect(parseValues(' , ', true)).toBeUndefined();
  });

  it('keeps the comma being typed in a list field, shows its items\' findings beside it, and drops an optional group once its last field is cleared', async () => {
    const vlanRule = (i: Record<string, unknown>) => {
      const bad = (JSON.parse(String(i.text)) as { monitor?: { vlans?: unknown[] } }).monitor?.vlans?.indexOf(5000) ?? -1;
      const diagnostics = bad < 0 ? [] : [{ rule: 'file.invalid', path: `monitor.vlans[${bad}]`, severity: 'error', message: 'VLAN 5000 is out of range', fix: 'use 1 to 4094' }];
      return { ok: true as const, data: { diagnostics, valid: bad < 0, checked: 'rules' } };
    };
    setBridge(fakeBridge({ ...standardAnswers(), 'pairs.validate': vlanRule } as never).bridge);
    useStore.getState().openDoc('t', DOC);
    render(<PairForm />);
    const vlans = screen.getByLabelText('VLANs to monitor') as HTMLInputElement;
    fireEvent.change(vlans, { target: { value: '10, ' } });
    expect(vlans.value).toBe('10, ');
    expect(useStore.getState().editor.doc?.monitor).toEqual({ vlans: [10] });
    fireEvent.change(vlans, { target: { value: '10, 5000' } });
    // a finding about one item of the list is shown beside the list's field, not at the top
    await waitFor(() => expect(vlans.closest('[data-path="monitor.vlans"]')!.textContent).toMatch(/VLAN 5000 is out of range/));
    expect(screen.queryByRole('region', { name: 'Findings about the whole file' })).toBeNull();
    fireEvent.change(vlans, { target: { value: '' } });
    expect(useStore.getState().editor.doc).not.toHaveProperty('monitor');

    fireEvent.change(screen.getByLabelText('or weekly on'), { target: { value: 'mon' } });
    expect(useStore.getState().editor.doc?.consistencyCheck).toEqual({ schedule: { weekly: { day: 'mon' } } });
    fireEvent.change(screen.getByLabelText('or weekly on'), { target: { value: '' } });
    // weekly, then schedule, were left empty and dropped; {} is a valid consistencyCheck (defaults apply)
    expect(useStore.getState().editor.doc?.consistencyCheck).toEqual({});
  });

  it('shows the defaults the host serves in its pair schema, so a changed default reaches the form', async () => {
    const schema = pairJsonSchema() as S;
    const at = (path: string) => path.split('.').reduce<S>((n, k) => (n.properties as Record<string, S>)[k]!, schema);
    at('controlChannel.keepalive.count').default = 7;
    at('backup.sessions').default = false;
    at('mode').default = 'dual-active';
    ((at('vrrp').items as S).properties as Record<string, S>).mode!.default = 'load-sharing';
    const fake = fakeBridge({ ...standardAnswers(), 'pairs.schema': () => ({ ok: true as const, data: { schema } }) } as never);
    setBridge(fake.bridge);
    useStore.getState().openDoc('t', { ...DOC, vrrp: [{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '192.0.2.1', group: 'active' }] });
    render(<PairForm />);

    const count = screen.getByLabelText('Keepalive count') as HTMLInputElement;
    await waitFor(() => expect(count.placeholder).toBe('default 7'));
    expect((screen.getByLabelText('Back up sessions') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Mode', { selector: '#f-mode' }) as HTMLSelectElement).value).toBe('dual-active');
    const vrrpMode = screen.getByLabelText('Mode', { selector: '#f-vrrp-0--mode' }) as HTMLSelectElement;
    expect(vrrpMode.value).toBe('');
    expect(vrrpMode.selectedOptions[0]!.textContent).toBe('(default: load-sharing)');
    // what the user typed still wins over the default
    fireEvent.change(count, { target: { value: '3' } });
    expect(count.value).toBe('3');
    // read once, however many times the form is shown
    cleanup();
    render(<PairForm />);
    expect(fake.callsTo('pairs.schema')).toHaveLength(1);
  });

  it('shows the model\'s own defaults with the schema the host really serves', async () => {
    useStore.getState().openDoc('t', DOC);
    render(<PairForm />);
    await waitFor(() => expect((screen.getByLabelText('Keepalive count') as HTMLInputElement).placeholder).toBe('default 10'));
    expect((screen.getByLabelText('Loghost port') as HTMLInputElement).placeholder).toBe('default 514');
    expect((screen.getByLabelText('Check every (one schedule only)') as HTMLInputElement).placeholder).toBe('default 1h');
    expect((screen.getByLabelText('Synchronise configuration') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Back up HTTP') as HTMLInputElement).checked).toBe(false);
  });
});
