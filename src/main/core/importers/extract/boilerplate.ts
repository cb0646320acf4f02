/**
 * Boilerplate removed from a page before its main text is looked for, the way trafilatura and
 * jusText see a news page: navigation, rails, comment threads, share bars, cookie and consent
 * banners, newsletter and paywall boxes, related-article lists, captions and credits, hidden
 * elements and forms. Rules name general page parts (by tag, ARIA role, class and id), never a site.
 */
import type { DomDocument, DomElement } from '../dom'

/** Tags that hold no article text. Figures go too: captions and credits are not the story. */
const TAGS = 'nav, aside, footer, form, button, select, textarea, iframe, noscript, template, svg, figure, figcaption, dialog, menu'

const ROLES = '[role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [role="dialog"], [role="alertdialog"], [role="search"], [role="menu"], [role="menubar"], [role="toolbar"]'

const HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]'

/**
 * Class or id words of page parts that are never the article, matched as whole words (split on
 * '-', '_', spaces and case changes) so "comment" does not hit "commentary" by accident.
 */
const STRONG = new Set([
  // Comments and reader forums.
  'comment', 'comments', 'kommentar', 'kommentare', 'disqus', 'respond', 'replies',
  // Sharing, social and print tools.
  'share', 'sharing', 'shariff', 'social', 'socials', 'sociable', 'print',
  // Related and recommended rails.
  'related', 'recommended', 'recommendations', 'outbrain', 'taboola', 'trending',
  // Consent and cookie banners, newsletter and subscription boxes, paywall prompts.
  'cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'subscribe', 'paywall', 'signup',
  // Advertising.
  'ad', 'ads', 'advert', 'advertisement', 'anzeige', 'sponsor', 'sponsored', 'adsense', 'dfp',
  // Page furniture.
  'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'navbar', 'navigation', 'skip', 'caption', 'copyright'
])

/** Words also used for wrappers around the article: such an element goes only when it is small or mostly links. */
const WEAK = new Set([
  'sidebar', 'widget', 'widgets', 'rail', 'teaser', 'teasers', 'popular', 'tools', 'toolbar', 'tags', 'tag', 'tagcloud', 'keywords',
  'menu', 'nav', 'footer', 'masthead', 'credit', 'credits', 'byline', 'author', 'authors', 'meta', 'postmeta', 'date', 'dateline',
  'rating', 'modal', 'popup', 'overlay', 'banner', 'promo', 'subscription', 'login', 'discussion'
])

export function words(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

type Naming = 'strong' | 'weak' | null

/** "author" beside one of these names an "about the author" box, not the byline. */
const AUTHOR_BOX = new Set(['box', 'bio', 'biography', 'about', 'profile', 'desc', 'description', 'info'])

function naming(el: DomElement): Naming {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  if (names.length < 2 || names.length > 400) return null
  const ws = words(names)
  if (ws.some((w) => STRONG.has(w))) return 'strong'
  if (ws.some((w) => /^(?:authorbox|authorbio|saboxplugin)/.test(w))) return 'strong'
  if (ws.some((w) => w.startsWith('author')) && ws.some((w) => AUTHOR_BOX.has(w))) return 'strong'
  return ws.some((w) => WEAK.has(w)) ? 'weak' : null
}

function linkShare(el: DomElement, textLength: number): number {
  let links = 0
  for (const a of Array.from(el.querySelectorAll('a'))) links += (a.textContent ?? '').length
  return textLength ? links / textLength : 0
}

/** Never removed by name: the page's frame and elements that declare themselves the article. */
function isFrame(el: DomElement): boolean {
  const tag = el.tagName
  return tag === 'HTML' || tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE' || el.getAttribute('itemprop') === 'articleBody'
}

/** Elements that hold the article's own markers are never removed by name. */
const ARTICLE_INSIDE = 'article, main, h1, [itemprop="articleBody"]'

/**
 * Removes boilerplate from `doc` in place. An element named like boilerplate that holds most of
 * the page's text is a misnamed wrapper (a body class of "has-comments"), so it stays.
 */
export function removeBoilerplate(doc: DomDocument): void {
  const body = doc.body ?? doc.documentElement
  if (!body) return
  const total = (body.textContent ?? '').length
  // A form or hidden box around the whole page (ASP.NET pages, text revealed by script) stays.
  for (const el of Array.from(body.querySelectorAll(`${TAGS}, ${ROLES}, ${HIDDEN}`))) if ((el.textContent ?? '').length <= total * 0.4) el.remove()
  for (const el of Array.from(body.querySelectorAll('[class], [id]')).slice(0, 5000)) {
    const kind = el.parentNode && !isFrame(el) ? naming(el) : null
    if (!kind || el.querySelector(ARTICLE_INSIDE)) continue
    const length = (el.textContent ?? '').length
    if (length > total * 0.4) continue
    if (kind === 'weak' && length > 300 && linkShare(el, length) < 0.4) continue
    el.remove()
  }
}
