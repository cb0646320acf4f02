/**
 * A comparison of 2-6 articles: columns side by side with synchronized scrolling, aligned
 * sentences sharing a colour band, counterparts highlighted on hover or click, word-level
 * differences for the selected sentence; tabs for the quote table and names and numbers; export.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Comparison, SavedComparison } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { formatDate } from '../format'

type Tab = 'alignment' | 'quotes' | 'entities'
type Pos = { article: number; sentence: number }

const BANDS = 12

interface Props {
  ids: number[]
  /** The saved comparison being shown, if it is one. */
  saved: SavedComparison | null
  onSaved: (s: SavedComparison) => void
  onClose: () => void
  onOpen: (id: number) => void
}

export function CompareView({ ids, saved, onSaved, onClose, onOpen }: Props): React.JSX.Element {
  const [c, setC] = useState<Comparison | null>(null)
  const [notesOpen, setNotesOpen] = useState(saved !== null)
  const [error, setError] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('alignment')
  const [hover, setHover] = useState<Pos | null>(null)
  const [picked, setPicked] = useState<Pos | null>(null)

  useEffect(() => {
    let live = true
    setC(null)
    api['compare.run']({ ids })
      .then((r) => live && setC(r))
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
    }
  }, [ids])

  const exportReport = async (format: 'markdown' | 'html'): Promise<void> => downloadFile(await api['compare.report']({ ids, format }))

  if (error) return <section className="compare empty">Could not compare: {error}</section>
  if (!c) return <section className="compare empty" aria-busy="true">Comparing…</section>
  const name = (i: number): string => c.articles[i]!.outlet ?? `Article ${i + 1}`

  return (
    <section className="compare" data-testid="compare">
      <header className="compare-head">
        <div className="tabs" role="tablist">
          {(
            [
              ['alignment', 'Alignment'],
              ['quotes', `Quotes (${c.quotes.length})`],
              ['entities', `Names & numbers (${c.changes.length} changed)`]
            ] as [Tab, string][]
          ).map(([t, label]) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} onClick={() => setTab(t)}>
              {label}
            </button>
          ))}
        </div>
        <div className="compare-actions">
          <button onClick={() => setNotesOpen(!notesOpen)} aria-expanded={notesOpen}>
            {saved ? 'Notes' : 'Save…'}
          </button>
          <button onClick={() => void exportReport('markdown')}>Export Markdown</button>
          <button onClick={() => void exportReport('html')}>Export HTML</button>
          <button onClick={onClose} aria-label="Close comparison">
            Close
          </button>
        </div>
      </header>
      {notesOpen && <SavePanel ids={ids} saved={saved} c={c} onSaved={onSaved} />}
      {tab === 'alignment' && <Alignment c={c} hover={hover} picked={picked} onHover={setHover} onPick={setPicked} onOpen={onOpen} />}
      {tab === 'quotes' && <Quotes c={c} name={name} />}
      {tab === 'entities' && <Entities c={c} name={name} />}
    </section>
  )
}

function Alignment(props: { c: Comparison; hover: Pos | null; picked: Pos | null; onHover: (p: Pos | null) => void; onPick: (p: Pos | null) => void; onOpen: (id: number) => void }): React.JSX.Element {
  const { c, hover, picked, onHover, onPick, onOpen } = props
  const columns = useRef<(HTMLDivElement | null)[]>([])
  const syncing = useRef(false)
  const active = hover ?? picked
  const activeGroup = active ? c.articles[active.article]!.sentences[active.sentence]!.group : null

  // Counterparts of the active sentence come into view in the other columns.
  useEffect(() => {
    if (activeGroup === null || !active) return
    columns.current.forEach((col, i) => {
      if (!col || i === active.article) return
      const el = col.querySelector(`[data-group="${activeGroup}"]`) as HTMLElement | null
      const src = columns.current[active.article]?.querySelector(`[data-s="${active.sentence}"]`) as HTMLElement | null
      if (!el || !src) return
      syncing.current = true
      col.scrollTop = el.offsetTop - (src.offsetTop - columns.current[active.article]!.scrollTop)
      requestAnimationFrame(() => (syncing.current = false))
    })
  }, [activeGroup, active])

  // Synchronized scrolling: the top aligned sentence of the scrolled column lines up its counterparts.
  const onScroll = (i: number): void => {
    if (syncing.current) return
    const col = columns.current[i]
    if (!col) return
    const top = Array.from(col.querySelectorAll<HTMLElement>('[data-group]')).find((el) => el.offsetTop + el.offsetHeight > col.scrollTop)
    if (!top) return
    const offset = top.offsetTop - col.scrollTop
    syncing.current = true
    columns.current.forEach((other, j) => {
      if (!other || j === i) return
      const el = other.querySelector(`[data-group="${top.dataset.group}"]`) as HTMLElement | null
      if (el) other.scrollTop = el.offsetTop - offset
    })
    requestAnimationFrame(() => (syncing.current = false))
  }

  const pairsOf = (p: Pos): Comparison['pairs'] =>
    c.pairs.filter((x) => (x.a === p.article && x.as.includes(p.sentence)) || (x.b === p.article && x.bs.includes(p.sentence)))

  return (
    <div className="alignment">
      <div className="columns" style={{ gridTemplateColumns: `repeat(${c.articles.length}, minmax(0, 1fr))` }}>
        {c.articles.map((a, i) => (
          <div key={a.id} className="column">
            <div className="column-head">
              <div className="reader-byline">{[a.outlet, formatDate(a.publishedAt)].filter(Boolean).join(' · ')}</div>
              <button className="link column-title" onClick={() => onOpen(a.id)}>
                {a.title}
              </button>
              <div className="column-stats">
                {a.sharedWith.map((s, j) => (j === i ? null : <span key={j}>{Math.round(s * 100)}% in {c.articles[j]!.outlet ?? `#${j + 1}`}</span>))}
                <span className="only-count">{a.adds} only here</span>
              </div>
            </div>
            <div className="column-body" ref={(el) => void (columns.current[i] = el)} onScroll={() => onScroll(i)} data-testid={`column-${i}`}>
              {a.sentences.map((s) => {
                const isActive = active?.article === i && active.sentence === s.index
                const counterpart = activeGroup !== null && s.group === activeGroup && !isActive
                return (
                  <p
                    key={s.index}
                    data-s={s.index}
                    data-group={s.group ?? undefined}
                    className={[
                      'sentence',
                      `cls-${s.cls}`,
                      s.group !== null ? `band-${s.group % BANDS}` : '',
                      isActive ? 'active' : '',
                      counterpart ? 'counterpart' : ''
                    ].join(' ')}
                    onMouseEnter={() => onHover({ article: i, sentence: s.index })}
                    onMouseLeave={() => onHover(null)}
                    onClick={() => onPick(picked?.article === i && picked.sentence === s.index ? null : { article: i, sentence: s.index })}
                    title={s.cls === 'only' ? 'Only in this article' : s.cls === 'same' ? 'Verbatim in another article' : 'Reworded in another article'}
                  >
                    {s.text}
                  </p>
                )
              })}
            </div>
          </div>
        ))}
      </div>
      <div className="diff-panel" data-testid="diff-panel">
        {!picked ? (
          <p className="hint">Click a sentence to see how the other articles word it. Same colour: the same passage. No colour: only in that article.</p>
        ) : pairsOf(picked).length === 0 ? (
          <p className="hint">Only in {c.articles[picked.article]!.outlet ?? 'this article'}: no other article has this sentence.</p>
        ) : (
          pairsOf(picked).map((p, k) => {
            const other = p.a === picked.article ? p.b : p.a
            // The diff runs from a to b; shown from the picked article's side.
            const parts = p.a === picked.article ? p.diff : p.diff.map((d) => ({ ...d, op: d.op === '+' ? '-' : d.op === '-' ? '+' : '=' }))
            return (
              <div key={k} className="diff-row">
                <strong>{c.articles[other]!.outlet ?? `Article ${other + 1}`}</strong> {p.cls === 'same' ? <span className="verbatim">verbatim</span> : null}
                <div className="diff">
                  {p.cls === 'same'
                    ? (p.a === other ? p.as : p.bs).map((i) => c.articles[other]!.sentences[i]!.text).join(' ')
                    : parts.map((d, j) => (d.op === '=' ? <span key={j}>{d.text}</span> : d.op === '+' ? <ins key={j}>{d.text}</ins> : <del key={j}>{d.text}</del>))}
                </div>
              </div>
            )
          })
        )}
      </div>
    </div>
  )
}

function Quotes({ c, name }: { c: Comparison; name: (i: number) => string }): React.JSX.Element {
  if (c.quotes.length === 0) return <p className="hint">No direct quotations found.</p>
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="quote-table">
        <thead>
          <tr>
            <th>Quote</th>
            {c.articles.map((_, i) => (
              <th key={i}>{name(i)}</th>
            ))}
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
                        {k.diff.map((d, j) => (d.op === '=' ? <span key={j}>{d.text}</span> : d.op === '+' ? <ins key={j}>{d.text}</ins> : <del key={j}>{d.text}</del>))}
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

function Entities({ c, name }: { c: Comparison; name: (i: number) => string }): React.JSX.Element {
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
            {c.articles.map((_, i) => (
              <th key={i}>{name(i)}</th>
            ))}
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

/** Title and notes of a comparison, saved with it (and reopened from the sidebar). */
function SavePanel({ ids, saved, c, onSaved }: { ids: number[]; saved: SavedComparison | null; c: Comparison; onSaved: (s: SavedComparison) => void }): React.JSX.Element {
  const [title, setTitle] = useState(saved?.title ?? c.articles.map((a) => a.outlet ?? `#${a.id}`).join(' vs ') + `: ${c.articles[0]!.title}`)
  const [notes, setNotes] = useState(saved?.notes ?? '')
  const [state, setState] = useState<string | null>(null)
  const save = async (): Promise<void> => {
    try {
      const s = await api['comparisons.save']({ ...(saved ? { id: saved.id } : {}), ids, title, notes })
      setState(`Saved ${new Date(s.updatedAt).toLocaleTimeString()}`)
      onSaved(s)
    } catch (err) {
      setState((err as Error).message)
    }
  }
  return (
    <form
      className="save-panel"
      data-testid="save-panel"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <input aria-label="Comparison title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <textarea aria-label="Notes on this comparison" placeholder="Notes on this comparison…" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="form-actions">
        {state && <span className="hint" role="status">{state}</span>}
        <button type="submit" className="primary">
          Save comparison
        </button>
      </div>
    </form>
  )
}
