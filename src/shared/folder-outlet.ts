/**
 * The folder that names the outlet of a file found inside a chosen folder: the nearest one that
 * is not a date or a number ("Quay Times/2024/03/a.txt" is Quay Times's). Shared so the import
 * dialog shows the outlets the core will store.
 */
export function outletFolder(folders: string[]): string | undefined {
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = folders[i]!.trim()
    if (name && name !== '.' && name !== '..' && !/^[\d\s._-]+$/.test(name)) return name
  }
  return undefined
}
