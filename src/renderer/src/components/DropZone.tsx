/** Accepts files dropped anywhere on the window, with an overlay while dragging. */
import { useRef, useState, type ReactNode } from 'react'
import { filesFromDrop } from '../files'

/** `onFiles` learns whether the files came from dropped folders (then the folder import dialog asks first). */
export function DropZone({ onFiles, children }: { onFiles: (files: File[], inFolders: boolean) => void; children: ReactNode }): React.JSX.Element {
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  const hasFiles = (e: React.DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')
  return (
    <div
      className="dropzone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        depth.current++
        setOver(true)
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(e) => {
        e.preventDefault()
        depth.current = 0
        setOver(false)
        // Read the list now: the DataTransfer is emptied once this handler returns.
        const files = Array.from(e.dataTransfer.files)
        const walked = filesFromDrop(e.dataTransfer.items)
        void walked.then((inFolders) => (inFolders.length > 0 ? onFiles(inFolders, true) : onFiles(files, false)), () => onFiles(files, false))
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-card">Drop article files or folders to import them</div>
        </div>
      )}
    </div>
  )
}
