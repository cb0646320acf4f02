/** Who published first, and who repeats whose long passages (the engine's timeline and copying). */
import type { Comparison } from '../../../../shared/contract'
import { copyingSentence, timelineOffset } from '../../../../shared/compare-text'
import { formatDate } from '../../format'

export function Timeline({ c, labels }: { c: Comparison; labels: string[] }): React.JSX.Element {
  const { timeline, copying } = c.overview
  const firstHasTime = timeline[0]?.hasTime ?? false
  return (
    <div className="overview-timeline" data-testid="overview-timeline">
      <ol className="timeline" aria-label="Timeline by publication time">
        {timeline.map((t, k) => (
          <li key={t.article} className={t.hoursAfterFirst === 0 ? 'first' : t.hoursAfterFirst === null ? 'undated' : undefined}>
            <span className="timeline-offset">{timelineOffset(t, firstHasTime, k)}</span> <strong>{labels[t.article]}</strong>{' '}
            <span className="hint-inline">{formatDate(t.publishedAt)}</span>
          </li>
        ))}
      </ol>
      <ul className="copying" data-testid="copying">
        {copying.map((k) => (
          <li key={`${k.earlier}-${k.later}`}>{copyingSentence(k, labels)}.</li>
        ))}
        {copying.length === 0 && c.articles.length > 1 && <li className="hint-inline">No two articles share a long passage (25 words or more).</li>}
      </ul>
    </div>
  )
}
