/**
 * The alignment at a glance: one thin column per article, one cell per sentence (its height by its
 * words, columns on one scale so lengths compare), coloured by its alignment group; "only here"
 * sentences marked. A click shows that sentence in the alignment.
 */
import type { Comparison } from '../../../../shared/contract'
import type { Pos } from '../CompareAlignment'

const BANDS = 12
/** Height in pixels of the longest article. */
const HEIGHT = 120

export function Minimap({ c, labels, onJump }: { c: Comparison; labels: string[]; onJump: (p: Pos) => void }): React.JSX.Element {
  const longest = Math.max(1, ...c.articles.map((a) => a.words))
  const scale = HEIGHT / longest
  return (
    <div className="minimap" aria-label="Minimap of the alignment" data-testid="minimap">
      {c.articles.map((a, i) => (
        <div key={a.id} className="minimap-column" title={labels[i]} data-testid={`minimap-${i}`}>
          {a.sentences.map((s) => (
            <div
              key={s.index}
              data-s={s.index}
              className={`minimap-cell ${s.group !== null ? `band-${s.group % BANDS}` : 'minimap-only'}`}
              style={{ height: Math.max(1, s.text.split(/\s+/).length * scale) }}
              title={`${labels[i]}, sentence ${s.index + 1}: ${s.group !== null ? 'shared' : 'only here'}`}
              onClick={() => onJump({ article: i, sentence: s.index })}
            />
          ))}
          <div className="minimap-label">{i + 1}</div>
        </div>
      ))}
    </div>
  )
}
