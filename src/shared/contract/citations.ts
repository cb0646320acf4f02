/** The contract's citations: the formats a selection of articles is exported in. */
import { z } from 'zod'

/** Reference-manager files (CSL-JSON, BibTeX, RIS) and formatted references (APA 7th, Chicago 17th author-date). */
export const CitationFormat = z.enum(['csl-json', 'bibtex', 'ris', 'apa', 'chicago'])
export type CitationFormat = z.infer<typeof CitationFormat>

/** How each format is offered: its label, and the file it is saved as. */
export const CITATION_FORMATS: readonly { format: CitationFormat; label: string; extension: string; mime: string }[] = [
  { format: 'apa', label: 'APA (7th edition)', extension: 'txt', mime: 'text/plain' },
  { format: 'chicago', label: 'Chicago (author-date)', extension: 'txt', mime: 'text/plain' },
  { format: 'bibtex', label: 'BibTeX (.bib)', extension: 'bib', mime: 'application/x-bibtex' },
  { format: 'ris', label: 'RIS (.ris)', extension: 'ris', mime: 'application/x-research-info-systems' },
  { format: 'csl-json', label: 'CSL-JSON (.json)', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' }
]
