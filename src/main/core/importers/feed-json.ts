/** JSON Feed (https://jsonfeed.org, versions 1 and 1.1) read into plain items. */
import { ImportFailure } from './types'
import type { Feed, FeedItem } from './feed-types'

type Node = Record<string, unknown>

/** The declaration that makes a .json file a JSON Feed, looked for at its start. */
const VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//

export function isJsonFeed(bytes: Uint8Array): boolean {
  return VERSION.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))
}

export function readJsonFeed(json: string, maxItems: number): Feed {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (err) {
    throw new ImportFailure(`invalid JSON Feed: ${(err as Error).message}`)
  }
  const feed = (data && typeof data === 'object' ? data : {}) as Node
  if (!Array.isArray(feed.items)) throw new ImportFailure('invalid JSON Feed: it has no "items" list')
  return {
    title: str(feed.title),
    language: str(feed.language),
    total: feed.items.length,
    items: feed.items.slice(0, maxItems).map((raw): FeedItem => {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Node
      return {
        title: str(item.title),
        link: str(item.url) ?? str(item.external_url),
        date: str(item.date_published) ?? str(item.date_modified),
        author: authors(item.authors ?? item.author),
        html: str(item.content_html),
        text: str(item.content_text),
        summary: str(item.summary)
      }
    })
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null
}

/** Version 1.1's `authors` list, or version 1's single `author`. */
function authors(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []).map((a) => (a && typeof a === 'object' ? str((a as Node).name) : null)).filter((s): s is string => !!s)
  return list.length ? list.join(', ') : null
}
