import type { Session } from '../../core/session/types';

/**
 * The wizard's live session lent to the commissioning workflow, which closes every session it
 * was given when it ends. The host keeps the connection (the next step, a second plan, a rerun)
 * so close() here only ends the loan; a session that died is re-opened by the manager instead.
 */
export function borrowed(s: Session): Session {
  return {
    get pack() {
      return s.pack;
    },
    get prompt() {
      return s.prompt;
    },
    get closed() {
      return s.closed;
    },
    exec: (c, o) => s.exec(c, o),
    sendConfig: (l, o) => s.sendConfig(l, o),
    enterSystemView: (o) => s.enterSystemView(o),
    enterView: (c, o) => s.enterView(c, o),
    returnToUser: (o) => s.returnToUser(o),
    save: (o) => s.save(o),
    ...(s.help ? { help: (t: string, o?: Parameters<NonNullable<Session['help']>>[1]) => s.help!(t, o) } : {}),
    onLog: (l) => s.onLog(l),
    close: async () => undefined,
  };
}
