/**
 * Citation.js (core, BibTeX, RIS and CSL plugins), loaded on first use: its modules take about
 * half a second to load, which no command that neither cites nor reads a reference library should
 * pay. Only CSL-JSON, BibTeX and RIS text ever go in, with their type forced: Citation.js's inputs
 * that fetch (URLs, DOIs, Wikidata) are never reached.
 */
type CitationJs = typeof import('@citation-js/core')

let loading: Promise<CitationJs> | undefined

export function citationJs(): Promise<CitationJs> {
  loading ??= (async () => {
    const core = await import('@citation-js/core')
    await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris'), import('@citation-js/plugin-csl')])
    return core
  })()
  return loading
}
