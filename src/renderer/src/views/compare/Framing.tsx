/** Framing per article: headline words added and dropped, loaded words in its own voice, who it names first and most. */
import type { Comparison } from '../../../../shared/contract'

type Loaded = Comparison['overview']['articles'][number]['loaded']

/** Loaded words first; the neutral "said" is context, shown last. */
const ORDER = ['label', 'loaded-attribution', 'intensifier', 'neutral-attribution'] as const
const CATEGORY: Record<(typeof ORDER)[number], string> = {
  label: 'labels',
  'loaded-attribution': 'loaded attribution',
  intensifier: 'intensifiers',
  'neutral-attribution': 'neutral attribution'
}

function LoadedWords({ loaded }: { loaded: Loaded }): React.JSX.Element {
  const parts = ORDER.map((cat) => [cat, loaded.filter((w) => w.category === cat)] as const).filter(([, ws]) => ws.length)
  if (parts.length === 0) return <span className="hint-inline">none from the lexicon</span>
  return (
    <>
      {parts.map(([cat, ws]) => (
        <span key={cat} className={`loaded loaded-${cat}`}>
          {CATEGORY[cat]}: {ws.map((w) => (w.count > 1 ? `${w.term} ×${w.count}` : w.term)).join(', ')}
        </span>
      ))}
    </>
  )
}

const list = (xs: string[]): string => (xs.length ? xs.join(', ') : '—')

export function Framing({ c, labels }: { c: Comparison; labels: string[] }): React.JSX.Element {
  return (
    <div className="overview-card framing" data-testid="overview-framing">
      <h3>Framing</h3>
      <dl>
        {c.overview.articles.map((o) => (
          <div key={o.article} className="framing-article">
            <dt>{labels[o.article]}</dt>
            {c.articles.length > 1 && (
              <dd>
                Headline adds <strong>{list(o.headline.adds)}</strong>
                {o.headline.drops.length > 0 && (
                  <>
                    , drops <strong>{list(o.headline.drops)}</strong>
                  </>
                )}
              </dd>
            )}
            <dd>
              Own words: <LoadedWords loaded={o.loaded} />
            </dd>
            <dd>Names first: {list(o.namesFirst.slice(0, 3))}</dd>
            <dd>Names most: {list(o.namesMost.slice(0, 3).map((n) => `${n.text} (${n.count})`))}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
