/** Text into HTML: every value from a device or a file goes through here before it reaches the page. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number | undefined): string {
  if (text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A table from rows of cells already escaped; the header row is escaped here. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], cls = ''): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export const section = (id: string, title: string, body: string): string => `<section id="${id}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;

/** A status mark: `status` picks the colour, `text` is what it says (the status itself, or its translation). */
export const badge = (status: string, text: string = status): string => `<span class="st st-${esc(status.replace(/[^a-z]/gi, '').toLowerCase())}">${esc(text)}</span>`;

export const none = (what: string): string => `<p class="none">${esc(what)}</p>`;
