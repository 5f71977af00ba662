import { act, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { App } from '../../renderer/src/App';
import { i18n } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/services/api';
import { useStore } from '../../renderer/src/store/index';
import type { Result } from '../../src/contract/index';
import { DOC, fakeBridge, standardAnswers } from './fake-bridge';

export const FP_A = `SHA256:${'a'.repeat(43)}`;
export const SECRET = 'correct horse battery staple';

const facts = (sysname: string, model: string) => ({
  sysname,
  model,
  softwareVersion: '7.1.064',
  release: 'ESS 1171P23',
  interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24', link: 'up' }],
  vrrp: [],
  tracks: [],
  warnings: [],
});

export const PLAN = {
  outcome: 'dry-run',
  nothingToDo: false,
  findings: [],
  health: [
    { id: 'model', title: 'Model', status: 'pass', reason: 'both F1000', fix: '' },
    { id: 'control-channel', title: 'Control channel', status: 'fail', reason: 'Disconnected on A', fix: 'check the link' },
  ],
  devices: {
    a: { add: [{ text: 'remote-backup group', stage: 'channel' }, { text: 'vrrp vrid 1 virtual-ip 10.1.1.3 active', stage: 'local' }], remove: ['undo track 9'], unchanged: 3 },
    b: { add: [{ text: 'remote-backup group', stage: 'channel' }], remove: [], unchanged: 4 },
  },
};

const confirmedLines = (k: 'a' | 'b') => [...PLAN.devices[k].remove, ...PLAN.devices[k].add.map((l) => l.text)].map((line) => ({ line, view: 'system', status: 'confirmed' as const }));

/**
 * A host for the wizard: device A asks about its host key once, B connects at once; discovery
 * differs in model; plan and apply answer what the test sets.
 */
export function wizardAnswers(o: { apply?: () => Promise<Result<unknown>> | Result<unknown> } = {}) {
  const accepted = new Set<string>();
  return {
    ...standardAnswers(),
    'devices.connect': (i: Record<string, unknown>) => {
      const k = i.device as 'a' | 'b';
      if (k === 'a' && !accepted.has('a')) {
        if (i.acceptHostKey !== FP_A)
          return { ok: false as const, error: { code: 'HOST_KEY_UNKNOWN' as const, message: `[127.0.0.1]:2201 is not a known host yet. Its ssh-rsa key fingerprint is ${FP_A}.`, fix: 'Compare the fingerprint.', details: { host: '127.0.0.1', port: 2201, fingerprint: FP_A, type: 'ssh-rsa' } } };
        accepted.add('a');
      }
      const sysname = k === 'a' ? 'FW1' : 'FW2';
      return { ok: true as const, data: { device: k, kind: 'ssh', label: `ssh admin@127.0.0.1:220${k === 'a' ? 1 : 2}`, prompt: `<${sysname}>`, sysname, transcript: '/tmp/t.jsonl', ...(k === 'a' ? { fingerprint: FP_A } : {}) } };
    },
    'devices.disconnect': () => ({ ok: true as const, data: { disconnected: true } }),
    'devices.discover': () => ({
      ok: true as const,
      data: {
        facts: { a: facts('FW1', 'F1000-AK1xx'), b: facts('FW2', 'F1000-AK2xx') },
        mismatches: [{ field: 'model', label: 'Model', a: 'F1000-AK1xx', b: 'F1000-AK2xx', severity: 'error', message: 'RBM needs the same model on both devices.', code: 'compare.differs.model', params: {}, labelCode: 'compare.label.model' }],
      },
    }),
    'pair.check': () => ({ ok: true as const, data: { diagnostics: [], valid: true, checked: 'facts' } }),
    'pair.plan': () => ({ ok: true as const, data: PLAN }),
    // The devices confirm every line of PLAN (test/renderer/plan-probe.test.tsx has the other verdicts).
    'pair.probe': () => ({ ok: true as const, data: { devices: { a: { lines: confirmedLines('a') }, b: { lines: confirmedLines('b') } }, confirmed: true } }),
    'pair.apply': o.apply ?? (() => new Promise<Result<unknown>>(() => {})),
    'ops.cancel': () => ({ ok: true as const, data: { cancelled: true } }),
    'bundles.create': () => ({ ok: true as const, data: { file: { name: 'site-1.hpb', data: 'aGk=' }, count: 1, refused: [] } }),
  };
}

/**
 * The app over a fake host with these answers, moved to Pairing with DOC open under `name` once
 * Home has shown (in the app's current language). The caller waits for the step it needs.
 */
export async function openPairing(answers: Parameters<typeof fakeBridge>[0], name = 'lab pair') {
  const fake = fakeBridge(answers);
  setBridge(fake.bridge);
  render(createElement(App));
  await screen.findByRole('heading', { name: i18n.t('app:home.title') });
  act(() => {
    useStore.getState().openDoc(name, structuredClone(DOC));
    useStore.getState().navigate('pairing');
  });
  return fake;
}
