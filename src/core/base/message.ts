/**
 * What a sentence a user reads is made of, so the CLI, the app and the report can say it in the
 * user's language: a code (the message's id in the `core` catalogue namespace) and its arguments.
 * Strings are shown as they are (names, addresses, device values); string lists and lists of
 * sub-messages are joined the reader's way. Core keeps its English sentence beside the code as
 * the fallback for a reader whose catalogue lacks the code.
 */
export interface Message {
  code: string;
  params?: MessageParams;
}

/** Sub-messages joined into one argument: `comma` for "A uses port 1, B uses port 2", `semicolon` between whole clauses. */
export interface MessageList {
  sep: 'comma' | 'semicolon';
  items: Message[];
}

export type MessageParam = string | number | string[] | MessageList;
export type MessageParams = Record<string, MessageParam>;

/** Says a message in the reader's language. `english` is what to show when the catalogue lacks the code. */
export interface Translator {
  /** The BCP 47 tag of the language it speaks ("en", "zh-CN"). */
  readonly lang: string;
  text(code: string, params: MessageParams | undefined, english: string): string;
}

/** The translator of a reader without a catalogue: core's own English. */
export const ENGLISH: Translator = { lang: 'en', text: (_code, _params, english) => english };

export const isMessageList = (v: unknown): v is MessageList => typeof v === 'object' && v !== null && !Array.isArray(v) && 'items' in v;
