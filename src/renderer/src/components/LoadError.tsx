/** A failed load, shown where its data would have been. */
export function LoadError({ what, error, className = 'query-error' }: { what: string; error: string | null; className?: string }): React.JSX.Element | null {
  if (!error) return null
  return (
    <p className={className} role="alert" data-testid="load-error">
      {what}: {error}
    </p>
  )
}
