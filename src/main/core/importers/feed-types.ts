/** A feed as the feed importer reads it, whatever its syntax (RSS, Atom, JSON Feed). */
export interface FeedItem {
  title: string | null
  link: string | null
  /** As the feed wrote it; read by the date parser later. */
  date: string | null
  author: string | null
  /** The item's full content as HTML (content:encoded, Atom content, JSON Feed content_html). */
  html: string | null
  /** A summary or description (HTML): imported only when it is substantial. */
  summary: string | null
  /** JSON Feed's content_text. */
  text?: string | null
}

export interface Feed {
  title: string | null
  language: string | null
  /** The items read: the first `maxItems` of the file. */
  items: FeedItem[]
  /** How many items the file holds. */
  total: number
}
