/** A form's submit handler: runs `action` instead of navigating, and hands its failure to `onError`. */
export function submitTo(action: () => Promise<void>, onError?: (message: string) => void): (e: React.FormEvent) => void {
  return (e) => {
    e.preventDefault()
    const run = action()
    if (onError) run.catch((err: Error) => onError(err.message))
  }
}
