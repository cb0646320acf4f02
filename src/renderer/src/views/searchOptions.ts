/** The sort and filters of a search, as the search bar edits them (empty string: no filter). */
export interface SearchOptions {
  sort: 'relevance' | 'date'
  from: string
  to: string
  outlet: string
  language: string
  tag: string
  collection: string
}

export const NO_OPTIONS: SearchOptions = { sort: 'relevance', from: '', to: '', outlet: '', language: '', tag: '', collection: '' }
