/**
 * The conclusion of a comparison, above its alignment: the articles side by side (outlet, date,
 * headline, length, share found elsewhere), who published first and who repeats whom, then what
 * each outlet alone reports, the facts and quotes that differ, and framing; with a minimap of the
 * alignment. Every part reads the engine's `overview`; nothing is computed twice.
 */
import type { Comparison } from '../../../../shared/contract'
import { formatDate, plural } from '../../format'
import { Disagreements, OnlyHere, QuoteSummary } from './Findings'
import { Framing } from './Framing'
import { Minimap } from './Minimap'
import { Timeline } from './Timeline'
import type { Pos } from '../CompareAlignment'
import './compare.css'

interface Props {
  c: Comparison
  labels: string[]
  onJump: (p: Pos) => void
  onOpen: (id: number) => void
}

export function Overview({ c, labels, onJump, onOpen }: Props): React.JSX.Element {
  return (
    <section id="overview" className="compare-overview" aria-label="Overview of the comparison" data-testid="overview">
      {/* Who published first and who repeats whom: the conclusion most often looked for, so first. */}
      <Timeline c={c} labels={labels} />
      <div className="overview-top">
        <ArticlesTable c={c} labels={labels} onOpen={onOpen} />
        <Minimap c={c} labels={labels} onJump={onJump} />
      </div>
      <div className="overview-cards">
        <OnlyHere c={c} labels={labels} onJump={onJump} />
        <Disagreements c={c} labels={labels} onJump={onJump} />
        <QuoteSummary c={c} labels={labels} />
        <Framing c={c} labels={labels} />
      </div>
    </section>
  )
}

function ArticlesTable({ c, labels, onOpen }: Omit<Props, 'onJump'>): React.JSX.Element {
  return (
    <table className="data-table overview-articles" data-testid="overview-articles">
      <thead>
        <tr>
          <th>Outlet</th>
          <th>Published</th>
          <th>Headline</th>
          <th>Length</th>
          <th title="Share of its words whose sentences another compared article also has">Found elsewhere</th>
        </tr>
      </thead>
      <tbody>
        {c.overview.articles.map((o) => {
          const a = c.articles[o.article]!
          return (
            <tr key={o.article} className={o.apart ? 'apart' : undefined}>
              <th scope="row">{labels[o.article]}</th>
              <td className="nowrap">{formatDate(a.publishedAt) || 'no date'}</td>
              <td>
                <button className="link headline" onClick={() => onOpen(a.id)} title={a.title}>
                  {a.title}
                </button>
              </td>
              <td className="nowrap">{plural(a.words, 'word')}</td>
              <td className="nowrap">
                {Math.round(o.shared * 100)}% <span className="hint-inline">· {plural(o.onlyHere, 'sentence')} only here</span>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
