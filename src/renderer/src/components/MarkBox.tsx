/** The tick box on a list row that picks the article for a comparison. */
export function MarkBox({ id, marked, onMark }: { id: number; marked: number[]; onMark: (id: number) => void }): React.JSX.Element {
  return (
    <input
      type="checkbox"
      className="mark"
      aria-label="Pick for comparison"
      checked={marked.includes(id)}
      onClick={(e) => e.stopPropagation()}
      onChange={() => onMark(id)}
    />
  )
}
