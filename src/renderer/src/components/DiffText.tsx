/** A word-level difference: kept words plain, added ones as <ins>, removed ones as <del>. */
import type { DiffPart } from '../../../shared/contract'

export function DiffText({ parts }: { parts: DiffPart[] }): React.JSX.Element {
  return (
    <>
      {parts.map((d, j) => (d.op === '=' ? <span key={j}>{d.text}</span> : d.op === '+' ? <ins key={j}>{d.text}</ins> : <del key={j}>{d.text}</del>))}
    </>
  )
}
