import { fail, type CommandSpec, type Outcome } from '../types';

/**
 * Commands about the session rather than the configuration: moving between views, paging,
 * terminal monitor, save (interactive and forced) and reboot, with the texts the vendor CLI notes give
 */
const SAVE_DONE = ['Validating file. Please wait...', 'Saved the current configuration to mainboard device successfully.'];
const DEFAULT_FILE = 'flash:/startup.cfg';

function interactiveSave(save: () => void): Outcome {
  return {
    ask: {
      prompt: 'The current configuration will be written to the device. Are you sure? [Y/N]:',
      yn: true,
      answer: (yn) =>
        yn === 'n'
          ? {}
          : {
              lines: [`Please input the file name(*.cfg)[${DEFAULT_FILE}]`],
              ask: {
                prompt: '(To leave the existing filename unchanged, press the enter key):',
                yn: false,
                answer: (name) => {
                  const file = name.trim() ? normaliseFile(name.trim()) : DEFAULT_FILE;
                  if (!file) return fail('The file name is invalid(does not end with .cfg).');
                  if (file !== DEFAULT_FILE) {
                    save();
                    return { lines: SAVE_DONE };
                  }
                  return {
                    ask: {
                      prompt: `${DEFAULT_FILE} exists, overwrite? [Y/N]:`,
                      yn: true,
                      answer: (ow) => (ow === 'n' ? {} : (save(), { lines: SAVE_DONE })),
                    },
                  };
                },
              },
            },
    },
  };
}

function normaliseFile(name: string): string | undefined {
  if (!/\.cfg$/i.test(name)) return undefined;
  return name.includes(':') ? name : `flash:/${name.replace(/^\//, '')}`;
}

export const SESSION_COMMANDS: CommandSpec[] = [
  {
    syntax: 'quit',
    views: 'any',
    run: (ctx) => {
      const v = ctx.view.kind;
      if (v === 'user') return { logout: true };
      ctx.enter(v === 'system' ? { kind: 'user' } : { kind: 'system' });
    },
  },
  { syntax: 'return', views: ['system', 'interface', 'rbm', 'track', 'luser', 'objgroup'], run: (ctx) => ctx.enter({ kind: 'user' }) },
  {
    syntax: 'system-view',
    views: ['user'],
    run: (ctx) => {
      ctx.enter({ kind: 'system' });
      return ['System View: return to User View with Ctrl+Z.'];
    },
  },
  { syntax: 'screen-length disable', views: ['user'], run: (ctx) => void (ctx.session.screenLength = 0) },
  { syntax: 'undo screen-length disable', views: ['user'], run: (ctx) => void (ctx.session.screenLength = 24) },
  { syntax: 'terminal monitor', views: ['user'], run: (ctx) => void (ctx.session.monitor = true) },
  { syntax: 'undo terminal monitor', views: ['user'], run: (ctx) => void (ctx.session.monitor = false) },
  { syntax: 'save force', views: 'any', run: (ctx) => (ctx.device.save(), SAVE_DONE) },
  { syntax: 'save', views: 'any', run: (ctx) => interactiveSave(() => ctx.device.save()) },
  {
    syntax: 'reboot',
    views: ['user'],
    run: (ctx) => {
      const reboot: Outcome = {
        ask: {
          prompt: 'This command will reboot the device. Continue? [Y/N]:',
          yn: true,
          answer: (yn) => {
            if (yn === 'n') return {};
            // The device goes down after this line; the terminal is closed by the power cycle.
            queueMicrotask(() => ctx.device.reboot());
            return { lines: ['Now rebooting, please wait...'], noPrompt: true };
          },
        },
      };
      if (JSON.stringify(ctx.device.saved) === JSON.stringify(ctx.cfg)) return reboot;
      return {
        ask: {
          prompt: 'Current configuration may be lost after the reboot, save current configuration? [Y/N]:',
          yn: true,
          answer: (yn) => {
            if (yn === 'y') ctx.device.save();
            return { ...(yn === 'y' ? { lines: SAVE_DONE } : {}), ...reboot };
          },
        },
      };
    },
  },
];
