/** Saves text the core produced (a report, an export) as a file, in the desktop app and in a browser alike. */
export function downloadFile(file: { fileName: string; mime: string; content: string | Uint8Array<ArrayBuffer> }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
