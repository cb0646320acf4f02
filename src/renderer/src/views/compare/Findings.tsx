/** The overview's findings: what each outlet alone reports, facts that disagree, quotes carried, altered or left out. */
import { useState } from 'react'
import type { Comparison } from '../../../../shared/contract'
import { plural } from '../../format'
import type { Pos } from '../CompareAlignment'

interface Props {
  c: Comparison
  labels: string[]
  onJump: (p: Pos) => void
}

/** Items shown per list before "show all". */
const SHOWN = 3

function More({ n, open, onToggle }: { n: number; open: boolean; onToggle: () => void }): React.JSX.Element | null {
  if (n <= SHOWN) return null
  return (
    <button className="link more" onClick={onToggle} aria-expanded={open}>
      {open ? 'Show fewer' : `Show all ${n}`}
    </button>
  )
}

const CARRIES: Record<string, string> = { quote: 'quote', number: 'number', name: 'name' }

/** Per article, its best "only here" sentences: those with quotes, numbers and names first. */
export function OnlyHere({ c, labels, onJump }: Props): React.JSX.Element {
  const [open, setOpen] = useState<number | null>(null)
  return (
    <div className="overview-card" data-testid="overview-only-here">
      <h3>Only here</h3>
      {c.articles.map((_, a) => {
        const items = c.overview.onlyHere.filter((o) => o.article === a)
        if (items.length === 0) return null
        const shown = open === a ? items : items.slice(0, SHOWN)
        return (
          <div key={a} className="only-here-article">
            <h4>
              {labels[a]} alone reports ({plural(c.overview.articles[a]!.onlyHere, 'sentence')}, best first)
            </h4>
            <ul>
              {shown.map((o) => (
                <li key={o.sentence}>
                  <button className="jump" onClick={() => onJump({ article: a, sentence: o.sentence })} title="Show in the alignment">
                    {o.text}
                    {o.carries.map((k) => (
                      <span key={k} className={`carries carries-${k}`}>
                        {CARRIES[k]}
                      </span>
                    ))}
                  </button>
                </li>
              ))}
            </ul>
            <More n={items.length} open={open === a} onToggle={() => setOpen(open === a ? null : a)} />
          </div>
        )
      })}
      {c.overview.onlyHere.length === 0 && <p className="hint">Every sentence has a counterpart in another article.</p>}
    </div>
  )
}

const quoted = (xs: string[]): string => xs.map((x) => `“${x}”`).join(', ')

/** Names, numbers and dates both sides state differently in aligned sentences, with both sentences. */
export function Disagreements({ c, labels, onJump }: Props): React.JSX.Element {
  const [all, setAll] = useState(false)
  const rows = c.overview.disagreements
  return (
    <div className="overview-card" data-testid="overview-disagreements">
      <h3>Facts that disagree ({rows.length})</h3>
      {rows.length === 0 && <p className="hint">No name, number or date differs between aligned sentences.</p>}
      <ul>
        {(all ? rows : rows.slice(0, SHOWN)).map((d, k) => (
          <li key={k} className="disagreement">
            <span className="kind">{d.kind}</span> {labels[d.a]}: <strong>{quoted(d.inA)}</strong> — {labels[d.b]}: <strong>{quoted(d.inB)}</strong>
            <button className="jump both-sides" onClick={() => onJump({ article: d.a, sentence: d.sentenceA })}>
              <span className="side-label">{labels[d.a]}</span> {d.textA}
            </button>
            <button className="jump both-sides" onClick={() => onJump({ article: d.b, sentence: d.sentenceB })}>
              <span className="side-label">{labels[d.b]}</span> {d.textB}
            </button>
          </li>
        ))}
      </ul>
      <More n={rows.length} open={all} onToggle={() => setAll(!all)} />
    </div>
  )
}

/** Quotes carried verbatim by several, altered by some, or left out by some. */
export function QuoteSummary({ c, labels }: Omit<Props, 'onJump'>): React.JSX.Element {
  const [all, setAll] = useState(false)
  const rows = c.overview.quotes
  const count = (s: string): number => rows.filter((q) => q.status === s).length
  // Altered quotes first, then shared ones some article leaves out, then the rest.
  const rank = (q: (typeof rows)[number]): number => (q.status === 'altered' ? 0 : q.status === 'shared' && q.missingFrom.length ? 1 : 2)
  const ranked = [...rows].sort((x, y) => rank(x) - rank(y))
  const names = (xs: number[]): string => xs.map((i) => labels[i]).join(', ')
  return (
    <div className="overview-card" data-testid="overview-quotes">
      <h3>Quotes</h3>
      <p className="overview-counts">
        {count('shared')} carried verbatim by several, {count('altered')} altered, {count('only')} in one article only
      </p>
      <ul>
        {(all ? ranked : ranked.slice(0, SHOWN)).map((q) => (
          <li key={q.quote} className={`quote-${q.status}`}>
            <span className="quote-text">“{c.quotes[q.quote]!.text}”</span>{' '}
            <span className="hint-inline">
              {q.status === 'altered' ? 'altered' : q.status === 'shared' ? 'verbatim' : 'only'} in {names(q.carriers)}
              {q.missingFrom.length > 0 && `; not in ${names(q.missingFrom)}`}
            </span>
          </li>
        ))}
      </ul>
      <More n={rows.length} open={all} onToggle={() => setAll(!all)} />
    </div>
  )
}
