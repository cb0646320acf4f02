/** The bulk edit's form values as an `articles.updateMany` call, and the sentence that says what it will do. */
import type { Args } from '../../../../shared/contract'

/** One field of the bulk edit: left as it is, set to a value, or cleared on every article. */
export type FieldEdit = { mode: 'keep' } | { mode: 'set'; value: string } | { mode: 'clear' }

export interface BulkForm {
  outlet: FieldEdit
  author: FieldEdit
  language: FieldEdit
  /** A tag to add ('' adds none). */
  tag: string
}

export const KEEP_ALL: BulkForm = { outlet: { mode: 'keep' }, author: { mode: 'keep' }, language: { mode: 'keep' }, tag: '' }

export const BULK_FIELDS = [
  { key: 'outlet', label: 'Outlet' },
  { key: 'author', label: 'Author' },
  { key: 'language', label: 'Language code' }
] as const

const fieldValue = (f: FieldEdit): string | null | undefined => (f.mode === 'keep' ? undefined : f.mode === 'clear' ? null : f.value.trim() || undefined)

/** The call for these ids, or null when the form changes nothing. */
export function bulkCall(ids: number[], form: BulkForm): Args<'articles.updateMany'> | null {
  const patch: Args<'articles.updateMany'>['patch'] = {}
  for (const { key } of BULK_FIELDS) {
    const v = fieldValue(form[key])
    if (v !== undefined) patch[key] = v
  }
  const tag = form.tag.trim()
  if (Object.keys(patch).length === 0 && !tag) return null
  return { ids, patch, ...(tag ? { addTags: [tag] } : {}) }
}

/** "outlet set to “Quay Times”, author cleared, tag “ferry” added": what the confirmation names. */
export function describeChange(form: BulkForm): string {
  const parts: string[] = []
  for (const { key, label } of BULK_FIELDS) {
    const v = fieldValue(form[key])
    if (v === null) parts.push(`${label.toLowerCase()} cleared`)
    else if (v !== undefined) parts.push(`${label.toLowerCase()} set to “${v}”`)
  }
  if (form.tag.trim()) parts.push(`tag “${form.tag.trim()}” added`)
  return parts.join(', ')
}
