/**
 * Writes small, valid PDFs for tests: pages of Helvetica text lines (a blank line in the input
 * leaves a paragraph gap), or pages with no text at all, like a scan.
 */
export function makePdf(pages: string[][], info: { title?: string; author?: string; created?: string } = {}): Buffer {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('') // filled below
  const pagesObj = add('')
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  const pageIds: number[] = []
  for (const lines of pages) {
    const ops: string[] = ['BT', '/F1 12 Tf', '72 740 Td']
    for (const line of lines) {
      if (line === '') ops.push('0 -10 Td')
      else ops.push(`(${line.replace(/([\\()])/g, '\\$1')}) Tj`, '0 -16 Td')
    }
    ops.push('ET')
    const stream = lines.length ? ops.join('\n') : '0 0 1 rg 100 100 200 200 re f'
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  const infoParts = [
    info.title && `/Title (${info.title})`,
    info.author && `/Author (${info.author})`,
    info.created && `/CreationDate (D:${info.created.replace(/-/g, '')}120000Z)`
  ].filter(Boolean)
  const infoId = infoParts.length ? add(`<< ${infoParts.join(' ')} >>`) : 0

  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
