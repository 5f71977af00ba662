/**
 * The CLI's words through the catalogue (the `cli` namespace), and commander's own words (the
 * help's headings, its built-in options, its parse errors) in the same language. Device text
 * (commands, output, transcripts) never comes through here.
 */
import type { Command, Help, Option } from 'commander';
import type { MessageParams } from '../i18n/params';
import { format } from '../i18n/create';
import { cliI18n } from '../i18n/node/cli';

/** `cli:<key>` in the run's language; list params joined the language's way. */
export function t(key: string, params: MessageParams = {}): string {
  const i = cliI18n();
  return format(i.t, i.language, `cli:${key}`, params);
}

/** "hotpair: <message>\n" and friends: the prefix stays, the text is the catalogue's. */
export const fixLine = (fix: string | undefined): string => (fix ? `  ${t('fix', { fix })}\n` : '');

const TITLES: Record<string, string> = { 'Usage:': 'usage', 'Options:': 'options', 'Commands:': 'commands', 'Arguments:': 'arguments', 'Global Options:': 'globalOptions' };

/** Terminal columns of a string: CJK ideographs and full-width forms take two. */
export const displayWidth = (s: string): number =>
  [...s.replace(/\x1b\[\d*(;\d+)*m/g, '')].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);

/**
 * Commander's wrapping, with a break allowed between any two CJK characters (Chinese has no spaces
 * to break at) but never before closing punctuation.
 */
const CLOSE = '，。；：）、！？」』》】';
const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
const CHUNK = new RegExp(`\\s*(?:[${CJK}][${CLOSE}]*|[^\\s${CJK}]+[${CLOSE}]*)`, 'g');
export function wrapText(str: string, width: number): string {
  return str
    .split(/\r?\n/)
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && displayWidth(current) + displayWidth(chunk) > width) {
          out.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Commander's parse errors, as it words them, to the catalogue's keys. */
const COMMANDER_ERRORS: [RegExp, string][] = [
  [/^error: missing required argument '(?<name>[^']+)'$/, 'missingArgument'],
  [/^error: option '(?<flags>[^']+)' argument missing$/, 'optionArgumentMissing'],
  [/^error: required option '(?<flags>[^']+)' not specified$/, 'requiredOption'],
  [/^error: unknown option '(?<flag>[^']+)'$/, 'unknownOption'],
  [/^error: unknown command '(?<name>[^']+)'$/, 'unknownCommand'],
  [/^error: too many arguments(?: for '(?<name>[^']+)')?\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\.$/, 'tooManyArguments'],
  [/^\(Did you mean one of (?<names>.+)\?\)$/, 'didYouMeanOneOf'],
  [/^\(Did you mean (?<names>.+)\?\)$/, 'didYouMean'],
];

export function translateCommanderError(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [re, key] of COMMANDER_ERRORS) {
        const m = re.exec(line);
        if (!m) continue;
        const g = m.groups ?? {};
        const params = Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v === undefined ? 'none' : /^\d+$/.test(v) ? Number(v) : v]));
        return t(`commander.${key}`, params);
      }
      return line;
    })
    .join('\n');
}

/**
 * Makes `program` (and every command registered on it afterwards: commander copies these
 * settings to subcommands as they are created) speak the run's language in help and errors.
 * Call it before registering commands.
 */
export function localiseCommander(program: Command): void {
  program.configureHelp({
    styleTitle: (s: string) => (TITLES[s] ? t(`help.${TITLES[s]}`) : s),
    displayWidth,
    boxWrap(this: Help, str: string, width: number): string {
      return width < this.minWidthToWrap ? str : wrapText(str, width);
    },
    optionDescription(this: Help, option: Option): string {
      const own = option.long === '--help' ? t('help.helpOption') : option.long === '--version' ? t('help.versionOption') : option.description;
      const extra: string[] = [];
      if (option.argChoices) extra.push(t('help.choices', { choices: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && shown) extra.push(t('help.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      return extra.length ? `${own}${t('help.extra', { extra: extra.join(', ') })}` : own;
    },
    subcommandDescription: (cmd: Command) => (cmd.name() === 'help' && cmd.description() === 'display help for command' ? t('help.helpCommand') : cmd.summary() || cmd.description()),
  });
  program.configureOutput({ outputError: (s, write) => write(translateCommanderError(s)) });
}
