/**
 * What the two search workers answer. The query worker keeps the segments in memory and answers
 * searches; the builder checks the stored index and builds and merges segments.
 */
import type { SearchRequest, SearchResponse, SearchStatus, StoryLinks } from './engine'
import type { Related } from './related'

type NoArgs = Record<string, never>

export type SearchQueryProtocol = {
  search: { args: SearchRequest; result: SearchResponse }
  locate: { args: { id: number; q: string }; result: [number, number][] }
  related: { args: { id: number; limit: number }; result: Related[] }
  /** The library grouped into stories from scratch (lists of article ids). */
  stories: { args: NoArgs; result: number[][] }
  /** Story out-links of these articles. */
  storyLinks: { args: { ids: number[] }; result: StoryLinks }
  status: { args: NoArgs; result: SearchStatus }
  /** Loads new segments and indexes pending articles in memory. */
  refresh: { args: NoArgs; result: null }
}

export type SearchBuildProtocol = {
  /** Builds pending articles into a segment and merges segments. */
  maintain: { args: NoArgs; result: null }
}

/** The worker's `workerData`. */
export interface SearchWorkerData {
  role: 'query' | 'build'
  file: string
  nativeBinding?: string
}
