import { useEffect, useState, type InputHTMLAttributes } from 'react';

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));

/** One line of text → the list it names; empty removes the key. A number list keeps what is not a number, so the validator names it. */
export function parseValues(text: string, numbers: boolean): unknown[] | undefined {
  const items = text.split(/[\s,]+/).filter(Boolean);
  if (items.length === 0) return undefined;
  return numbers ? items.map((t) => (/^\d+$/.test(t) ? Number(t) : t)) : items;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: unknown; numbers: boolean; onValues(v: unknown[] | undefined): void };

/**
 * A list of plain values (interfaces, VLANs) typed on one line. The text is kept locally: parsing
 * on each keystroke and showing the parsed list back would swallow the comma being typed.
 */
export function ValuesInput({ value, numbers, onValues, ...rest }: Props) {
  const [text, setText] = useState(show(value));
  // Follow the document when it changes from elsewhere (another pair opened), not when it only
  // echoes what is being typed (the text then parses to the same list).
  useEffect(() => {
    setText((t) => (show(parseValues(t, numbers)) === show(value) ? t : show(value)));
  }, [value, numbers]);
  return (
    <input
      {...rest}
      type="text"
      value={text}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onValues(parseValues(e.target.value, numbers));
      }}
    />
  );
}
