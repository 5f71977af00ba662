/** What a message is formatted from: the shape of a diagnostic's params. */
export type MessageParams = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * The arguments a message sees. ICU has no list argument, so list params are joined here the
 * language's way ("a and b", "a和b") from the platform's CLDR data. ICU select keys cannot hold
 * "-", and file values do ("active-standby"), so each string param `x` also comes as `xKey`, its
 * select-safe form ("active_standby"), for messages that choose words by a value.
 */
export function listParams(lng: string, params: MessageParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) out[k] = new Intl.ListFormat(lng, { type: 'conjunction' }).format(v as string[]);
    else if (typeof v === 'string') {
      out[k] = v;
      out[`${k}Key`] = selectKey(v);
    } else out[k] = v as number;
  }
  return out;
}

export const selectKey = (value: string): string => value.replace(/[^A-Za-z0-9_]/g, '_');
