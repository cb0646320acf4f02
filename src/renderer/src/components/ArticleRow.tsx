/** One article in a list (library or search results): tick box, title, then what the list adds. */
import type { CSSProperties, ReactNode } from 'react'
import { MarkBox } from './MarkBox'

interface Props {
  id: number
  /** The element id the list's keyboard handler scrolls to. */
  domId: string
  title: string
  selected: boolean
  marked: number[]
  onMark: (id: number) => void
  onSelect: (id: number) => void
  /** Extra class names (a search hit). */
  variant?: string
  style?: CSSProperties
  /** The lines under the title: metadata, a snippet. */
  children: ReactNode
}

export function ArticleRow({ id, domId, title, selected, marked, onMark, onSelect, variant, style, children }: Props): React.JSX.Element {
  const className = ['article-row', variant, selected ? 'selected' : null].filter(Boolean).join(' ')
  return (
    <li id={domId} style={style} role="option" aria-selected={selected} className={className} onClick={() => onSelect(id)}>
      <div className="row-title">
        <MarkBox id={id} marked={marked} onMark={onMark} />
        {title}
      </div>
      {children}
    </li>
  )
}
