/**
 * The alignment tab of a comparison: columns side by side with synchronized scrolling, aligned
 * sentences sharing a colour band, counterparts highlighted on hover or click, and the word-level
 * differences of the picked sentence.
 */
import { useEffect, useRef } from 'react'
import type { Comparison } from '../../../shared/contract'
import { sharesLines } from '../../../shared/compare-text'
import { DiffText } from '../components/DiffText'
import { formatDate } from '../format'

/** A sentence of one of the compared articles. */
export type Pos = { article: number; sentence: number }

const BANDS = 12

interface Props {
  c: Comparison
  /** Names telling the articles apart (outlet, with date and headline when an outlet repeats). */
  labels: string[]
  hover: Pos | null
  picked: Pos | null
  onHover: (p: Pos | null) => void
  onPick: (p: Pos | null) => void
  onOpen: (id: number) => void
}

export function Alignment({ c, labels, hover, picked, onHover, onPick, onOpen }: Props): React.JSX.Element {
  const active = hover ?? picked
  const activeGroup = active ? c.articles[active.article]!.sentences[active.sentence]!.group : null
  const { columns, onScroll } = useSyncedColumns(active, activeGroup)
  return (
    <div className="alignment">
      <div className="columns" style={{ gridTemplateColumns: `repeat(${c.articles.length}, minmax(var(--column-min), 1fr))` }}>
        {c.articles.map((a, i) => (
          <div key={a.id} className="column">
            <div className="column-head">
              <div className="reader-byline">{labels[i] === a.outlet ? [a.outlet, formatDate(a.publishedAt)].filter(Boolean).join(' · ') : labels[i]}</div>
              <button className="link column-title" onClick={() => onOpen(a.id)}>
                {a.title}
              </button>
              <div className="column-stats">
                {sharesLines(c, i, labels).map((line) => (
                  <span key={line}>{line}</span>
                ))}
                <span className="only-count">
                  {a.adds} of {a.sentences.length} sentences only here
                </span>
              </div>
            </div>
            <div className="column-body" ref={(el) => void (columns.current[i] = el)} onScroll={() => onScroll(i)} data-testid={`column-${i}`}>
              {a.sentences.map((s) => {
                const isActive = active?.article === i && active.sentence === s.index
                const counterpart = activeGroup !== null && s.group === activeGroup && !isActive
                const band = s.group !== null ? `band-${s.group % BANDS}` : ''
                return (
                  <p
                    key={s.index}
                    data-s={s.index}
                    data-group={s.group ?? undefined}
                    className={['sentence', `alignment-${s.alignment}`, band, isActive ? 'active' : '', counterpart ? 'counterpart' : ''].join(' ')}
                    onMouseEnter={() => onHover({ article: i, sentence: s.index })}
                    onMouseLeave={() => onHover(null)}
                    onClick={() => onPick(picked?.article === i && picked.sentence === s.index ? null : { article: i, sentence: s.index })}
                    title={s.alignment === 'only' ? 'Only in this article' : s.alignment === 'same' ? 'Verbatim in another article' : 'Reworded in another article'}
                  >
                    {s.text}
                  </p>
                )
              })}
            </div>
          </div>
        ))}
      </div>
      <DiffPanel c={c} labels={labels} picked={picked} />
    </div>
  )
}

/** Keeps the columns' aligned sentences level: on scrolling one, and when a sentence becomes active. */
function useSyncedColumns(active: Pos | null, activeGroup: number | null): { columns: React.RefObject<(HTMLDivElement | null)[]>; onScroll: (i: number) => void } {
  const columns = useRef<(HTMLDivElement | null)[]>([])
  const syncing = useRef(false)

  // Counterparts of the active sentence come into view in the other columns.
  useEffect(() => {
    if (activeGroup === null || !active) return
    columns.current.forEach((col, i) => {
      if (!col || i === active.article) return
      const el = col.querySelector<HTMLElement>(`[data-group="${activeGroup}"]`)
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
      const el = other.querySelector<HTMLElement>(`[data-group="${top.dataset.group}"]`)
      if (el) other.scrollTop = el.offsetTop - offset
    })
    requestAnimationFrame(() => (syncing.current = false))
  }
  return { columns, onScroll }
}

/** How the other articles word the picked sentence. */
function DiffPanel({ c, labels, picked }: { c: Comparison; labels: string[]; picked: Pos | null }): React.JSX.Element {
  const pairs = picked ? c.pairs.filter((x) => (x.a === picked.article && x.sentencesA.includes(picked.sentence)) || (x.b === picked.article && x.sentencesB.includes(picked.sentence))) : []
  return (
    <div className="diff-panel" data-testid="diff-panel">
      {!picked ? (
        <p className="hint">Click a sentence to see how the other articles word it. Same colour: the same passage. No colour: only in that article.</p>
      ) : pairs.length === 0 ? (
        <p className="hint">Only in {labels[picked.article]}: no other article has this sentence.</p>
      ) : (
        pairs.map((p, k) => {
          const other = p.a === picked.article ? p.b : p.a
          // The diff runs from a to b; shown from the picked article's side.
          const parts = p.a === picked.article ? p.diff : p.diff.map((d) => ({ ...d, op: d.op === '+' ? ('-' as const) : d.op === '-' ? ('+' as const) : ('=' as const) }))
          return (
            <div key={k} className="diff-row">
              <strong>{labels[other]}</strong> {p.alignment === 'same' ? <span className="verbatim">verbatim</span> : null}
              <div className="diff">{p.alignment === 'same' ? (p.a === other ? p.sentencesA : p.sentencesB).map((i) => c.articles[other]!.sentences[i]!.text).join(' ') : <DiffText parts={parts} />}</div>
            </div>
          )
        })
      )}
    </div>
  )
}
