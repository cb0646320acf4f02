/**
 * Files chosen or dropped as folders keep their path inside the folder ("Outlet/2024/a.txt"):
 * the core names an article's outlet after its folder when the file itself does not say.
 */
const dropped = new WeakMap<File, string>()

export function relativeName(file: File): string {
  return dropped.get(file) || file.webkitRelativePath || file.name
}

/** Every file under the dropped items, folders walked recursively (both modes: Chromium's entries API). */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const entries = Array.from(items)
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null)
  // No entries API (or plain files only): the files as given.
  if (entries.length === 0 || entries.every((e) => e.isFile)) return []
  const out: File[] = []
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
      dropped.set(file, entry.fullPath.replace(/^\//, ''))
      out.push(file)
      return
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    // readEntries answers in chunks (100 in Chromium) until it answers none.
    for (;;) {
      const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
      if (chunk.length === 0) break
      for (const child of chunk.sort((a, b) => a.name.localeCompare(b.name))) await walk(child)
    }
  }
  for (const e of entries) await walk(e)
  return out
}
