/**
 * The slice of Citation.js (https://citation.js.org) Parallax uses. The packages ship no types;
 * items are CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 */
declare module '@citation-js/core' {
  export type CslName = { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string }
  export type CslDate = { 'date-parts'?: (number | string)[][]; raw?: string; literal?: string }
  /** A CSL-JSON item: the variables Parallax reads and writes are named, the rest kept as they come. */
  export interface CslItem {
    id?: string | number
    type?: string
    title?: string
    'container-title'?: string
    author?: CslName[]
    issued?: CslDate
    accessed?: CslDate
    URL?: string
    language?: string
    [variable: string]: unknown
  }
  export class Cite {
    constructor(data?: unknown, options?: { forceType?: string })
    data: CslItem[]
    format(format: string, options?: Record<string, unknown>): string
  }
  export const plugins: {
    input: {
      /** Parses `data` (of the type `forceType`) up to CSL-JSON, or up to the type `target`. */
      chain(data: unknown, options: { forceType?: string; target?: string; generateGraph?: boolean }): CslItem[]
      /** One parsing step only: `data` as the next type in the chain. */
      chainLink(data: unknown, options: { forceType?: string }): unknown
    }
    config: { get(plugin: string): unknown }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-csl'
declare module '@citation-js/name' {
  import type { CslName } from '@citation-js/core'
  export function parse(name: string): CslName
}
declare module '@citation-js/date' {
  import type { CslDate } from '@citation-js/core'
  export function parse(date: string): CslDate | undefined
}
declare module '*.csl?raw' {
  const xml: string
  export default xml
}
