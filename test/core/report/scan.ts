/**
 * Whatever in a page could make a browser fetch something: a loading element, an attribute that
 * loads or links, CSS that loads, a network address in markup. Escaped text (`&lt;img src=…`) is
 * text, not markup, and is not counted.
 */
export function loadingReferences(html: string): string[] {
  const found: string[] = [];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const tags = html.replace(/<style>[\s\S]*?<\/style>/g, '<style>').match(/<[a-zA-Z!/][^>]*>/g) ?? [];
  for (const tag of tags) {
    if (/^<(script|iframe|object|embed|link|img|image|audio|video|source|base|use|frame|form)\b/i.test(tag)) found.push(tag);
    else if (/\s(src|href|srcset|action|formaction|poster|data|xlink:href|background|ping)\s*=/i.test(tag)) found.push(tag);
    else if (/url\s*\(|\b(https?|ftp|wss?):\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}/i.test(tag) && !tag.startsWith('<!DOCTYPE')) found.push(tag);
  }
  for (const css of styles) for (const m of css.matchAll(/url\s*\(|@import|\b(https?|ftp|wss?):\/\//gi)) found.push(css.slice(Math.max(0, m.index - 20), m.index + 40));
  return found;
}
