import { maskToPrefix, prefixToMask, type ObjectGroup } from '../../device/model';
import { fail, type CommandSpec, type Ctx } from '../types';
import type { Args } from '../grammar';

/**
 * IPv4 address object groups: a security object that RBM backs up in every mode, so a lab pair
 * in active/standby mode has configuration to synchronise and to compare. Entries carry sequence
 * numbers (0, 10, 20 … when none is given), printed first as Comware does.
 */
const groupOf = (ctx: Ctx) => ctx.cfg.objectGroups.find((g) => g.name === ctx.view.id);

function add(g: ObjectGroup, a: Args, mask?: string): void {
  const seq = a.seq !== undefined ? Number(a.seq) : g.entries.reduce((m, e) => Math.max(m, e.seq + 10), 0);
  const entry = { seq, ip: a.ip as string, ...(mask ? { mask: prefixToMask(maskToPrefix(mask) as number) } : {}) };
  g.entries = [...g.entries.filter((e) => e.seq !== seq && !(e.ip === entry.ip && e.mask === entry.mask)), entry].sort((x, y) => x.seq - y.seq);
}

const og = (syntax: string, apply: (g: ObjectGroup, a: Args) => void): CommandSpec => ({
  syntax,
  views: ['objgroup'],
  config: true,
  run: (ctx, a) => {
    const g = groupOf(ctx);
    if (!g) return fail(`Error: Object group ${ctx.view.id} does not exist.`);
    apply(g, a);
  },
});

export const OBJECT_GROUP_COMMANDS: CommandSpec[] = [
  {
    syntax: 'object-group ip address <name:word>',
    views: ['system'],
    config: true,
    run: (ctx, a) => {
      const name = a.name as string;
      if (!/^[^\s?]{1,63}$/.test(name)) return fail('Error: Invalid object group name.');
      if (!ctx.cfg.objectGroups.some((g) => g.name === name)) ctx.cfg.objectGroups.push({ name, entries: [] });
      ctx.enter({ kind: 'objgroup', id: name });
    },
  },
  {
    syntax: 'undo object-group ip address <name:word>',
    views: ['system'],
    config: true,
    run: (ctx, a) => {
      if (!ctx.cfg.objectGroups.some((g) => g.name === a.name)) return fail(`Error: Object group ${a.name} does not exist.`);
      ctx.cfg.objectGroups = ctx.cfg.objectGroups.filter((g) => g.name !== a.name);
    },
  },
  ...['', '<seq:int:0-4294967294> '].flatMap((seq) => [
    og(`${seq}network host address <ip:ipv4>`, (g, a) => add(g, a)),
    og(`${seq}network subnet <ip:ipv4> <mask:mask>`, (g, a) => add(g, a, a.mask)),
  ]),
  og('undo network host address <ip:ipv4>', (g, a) => void (g.entries = g.entries.filter((e) => !(e.ip === a.ip && !e.mask)))),
  og('undo network subnet <ip:ipv4> <mask:mask>', (g, a) => void (g.entries = g.entries.filter((e) => !(e.ip === a.ip && e.mask)))),
  og('undo <seq:int:0-4294967294>', (g, a) => void (g.entries = g.entries.filter((e) => e.seq !== Number(a.seq)))),
];
