/**
 * Text from articles going into a Markdown export. Markdown renderers (GitHub, Obsidian, most
 * editors' previews) render raw HTML, so an article's `<meta http-equiv="refresh">` or `<form>`
 * would become markup there. `<`, `>` and `&` become entities, which every renderer shows as
 * the characters themselves. The user's own note bodies are Markdown by intent and stay as written.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

export function markdownText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITIES[ch]!)
}

/** A URL as a Markdown autolink `<…>`: characters that could end it or open markup are percent-encoded. */
export function markdownAutolink(url: string): string {
  return `<${url.replace(/[<>\s"'`]/g, (ch) => (ch === "'" ? '%27' : encodeURIComponent(ch)))}>`
}
