// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../../../renderer/src/store/index';
import { MonitorSnapshotSchema } from '../../../src/contract/index';
import type { Message } from '../../../src/core/base/message';
import { standardAnswers } from '../fake-bridge';
import { bareEnglish, DATA, inPseudoLocale, renderApp, ta } from './helpers';

inPseudoLocale();

const REASON = 'listen EADDRINUSE: address already in use 127.0.0.1:5514';
const STORE_REASON = 'The database connection is not open';

const SYSLOG_SAID: Message = { code: 'host.receiver.syslog-not-started', params: { host: '127.0.0.1', port: '5514', reason: REASON } };
const STORE_SAID: Message = { code: 'host.monitor-warning', params: { pair: 'lab', warning: { sep: 'semicolon', items: [{ code: 'monitor.warning.store', params: { reason: STORE_REASON } }] } } };
/** A warning as the host's receivers keep it (test/i18n/monitor-warnings.test.ts produces them for real): after its time, in English and as a message. */
const at = (english: string, said?: Message) => ({ english: `09:00:00Z ${english}`, said: said ? { code: 'host.receiver.warning-at', params: { time: '09:00:00Z', warning: { sep: 'semicolon' as const, items: [said] } } } : null });

/** The receivers' warnings as the host describes them: the receiver's own, one a pair's runtime raised, and `also` without a message. */
function described(also?: string) {
  const list = [
    at(`syslog receiver not started on 127.0.0.1:5514 (${REASON}); polling only — choose another port.`, SYSLOG_SAID),
    at(`lab: store: ${STORE_REASON}`, STORE_SAID),
    ...(also ? [at(also)] : []),
  ];
  return MonitorSnapshotSchema.shape.receivers.parse({ warnings: list.map((w) => w.english), warningsSaid: list.map((w) => w.said) });
}

async function showWarnings(receivers: ReturnType<typeof described>) {
  renderApp({ ...standardAnswers(), 'monitor.snapshot': () => ({ ok: true, data: { pairs: [], samples: {}, receivers } }) });
  act(() => useStore.getState().navigate('monitor'));
  const list = await screen.findByRole('list', { name: ta('monitor.warnings') });
  return { list, items: within(list).getAllByRole('listitem').map((li) => li.textContent ?? '') };
}

describe('pseudo-locale: the Monitor view\'s warnings', () => {
  it('says the host\'s coded warnings through the catalogue, the time, addresses and the system\'s reason as written', async () => {
    const { list, items } = await showWarnings(described());
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^［09:00:00Z ［.*127\.0\.0\.1.*5514.*］］$/);
    expect(items[0]).toContain(REASON);
    expect(items[1]).toMatch(/^［09:00:00Z ［lab: ［.*The database connection is not open］］］$/);
    expect(bareEnglish(list, DATA)).toEqual([]);
  });

  it('a warning without a message would show as bare English: the check above can see one', async () => {
    const { list, items } = await showWarnings(described('something only in English'));
    expect(items).toHaveLength(3);
    expect(bareEnglish(list, DATA)).toEqual(['09:00:00Z something only in English']);
  });
});
