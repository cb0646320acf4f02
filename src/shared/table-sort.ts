/** Which way a library-table column sorts first: text A to Z, dates and numbers newest or largest first. No dependencies (the renderer imports it). */
import type { PageSort } from './library-page'

export function defaultDirection(sort: PageSort): 'asc' | 'desc' {
  return sort === 'title' || sort === 'outlet' || sort === 'author' || sort === 'language' ? 'asc' : 'desc'
}
