/** The quote table and the names-and-numbers tab of a comparison. */
import { useMemo } from 'react'
import type { Comparison } from '../../../shared/contract'
import { DiffText } from '../components/DiffText'

/** The column heads: one per compared article. */
function ArticleHeads({ c, name }: { c: Comparison; name: (i: number) => string }): React.JSX.Element {
  return (
    <>
      {c.articles.map((_, i) => (
        <th key={i}>{name(i)}</th>
      ))}
    </>
  )
}

export function Quotes({ c, name }: { c: Comparison; name: (i: number) => string }): React.JSX.Element {
  if (c.quotes.length === 0) return <p className="hint">No direct quotations found.</p>
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="quote-table">
        <thead>
          <tr>
            <th>Quote</th>
            <ArticleHeads c={c} name={name} />
          </tr>
        </thead>
        <tbody>
          {c.quotes.map((q, r) => (
            <tr key={r}>
              <td className="quote-text">“{q.text}”</td>
              {c.articles.map((_, i) => {
                const k = q.carriers.find((x) => x.article === i)
                if (!k) return <td key={i} className="absent">—</td>
                return (
                  <td key={i} className={k.verbatim ? 'verbatim' : 'altered'}>
                    <div>{k.verbatim ? 'verbatim' : 'altered'}</div>
                    {!k.verbatim && (
                      <div className="diff">
                        <DiffText parts={k.diff} />
                      </div>
                    )}
                    <div className="speaker">{k.speaker ? `attributed to ${k.speaker}` : 'speaker not named'}</div>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function Entities({ c, name }: { c: Comparison; name: (i: number) => string }): React.JSX.Element {
  const rows = useMemo(() => c.entities.filter((e) => e.counts.some((n) => n > 0)), [c])
  return (
    <div className="table-wrap">
      <h3>Changed or dropped in aligned sentences</h3>
      {c.changes.length === 0 ? (
        <p className="hint">No name, number or date differs between aligned sentences.</p>
      ) : (
        <ul className="changes" data-testid="changes">
          {c.changes.map((ch, k) => (
            <li key={k}>
              <span className="kind">{ch.kind}</span> {name(ch.a)}: {ch.inA.length ? ch.inA.map((x) => `“${x}”`).join(', ') : 'nothing'} — {name(ch.b)}:{' '}
              {ch.inB.length ? ch.inB.map((x) => `“${x}”`).join(', ') : 'nothing'}
              <div className="hint">“{c.articles[ch.a]!.sentences[ch.sentenceA]!.text}”</div>
            </li>
          ))}
        </ul>
      )}
      <h3>Who mentions what</h3>
      <table className="data-table" data-testid="entity-table">
        <thead>
          <tr>
            <th>Name, number or date</th>
            <th>Kind</th>
            <ArticleHeads c={c} name={name} />
          </tr>
        </thead>
        <tbody>
          {rows.map((e, r) => {
            const carriers = e.counts.filter((n) => n > 0).length
            return (
              <tr key={r}>
                <td>{e.text}</td>
                <td className="kind">{e.kind}</td>
                {e.counts.map((n, i) => (
                  <td key={i} className={n === 0 && carriers > 1 ? 'absent missing' : n === 0 ? 'absent' : ''}>
                    {n || '—'}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

