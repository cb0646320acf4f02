/** The first hour's dialogs over the real client: folder import options, bulk edit, outlet aliases, and a dropped folder. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { OutletAlias } from '../../src/shared/contract'
import { BulkEditDialog } from '../../src/renderer/src/components/dialogs/BulkEditDialog'
import { bulkCall, describeChange, KEEP_ALL } from '../../src/renderer/src/components/dialogs/bulkPatch'
import { withAlias, withoutAlias } from '../../src/renderer/src/components/dialogs/aliasList'
import { folderOutletFor, summarizeFolder } from '../../src/renderer/src/components/dialogs/folderChoice'
import { FolderImportDialog } from '../../src/renderer/src/components/dialogs/FolderImportDialog'
import { OutletsDialog } from '../../src/renderer/src/components/dialogs/OutletsDialog'
import { DropZone } from '../../src/renderer/src/components/DropZone'
import { relativeName } from '../../src/renderer/src/files'
import { bridge } from './bridge'

const facets = { outlets: [{ name: 'The New York Times', count: 3 }, { name: 'NYT', count: 2 }], languages: [] }

describe('folder import options', () => {
  it('names the sub-folder outlets the core will store (dates and numbers skipped), most files first', () => {
    const s = summarizeFolder(['clips/Quay Times/2024/03/a.txt', 'clips/Quay Times/b.txt', 'clips/Harbour Post/c.txt', 'clips/top.txt'])
    expect(s).toEqual({ name: 'clips', files: 4, subfolderOutlets: [{ name: 'Quay Times', files: 2 }, { name: 'clips', files: 1 }, { name: 'Harbour Post', files: 1 }] })
  })

  it('sends nothing, subfolders, or a trimmed name, and refuses an empty name', () => {
    expect(folderOutletFor({ kind: 'files' })).toEqual({ ok: true, value: undefined })
    expect(folderOutletFor({ kind: 'subfolders' })).toEqual({ ok: true, value: { from: 'subfolders' } })
    expect(folderOutletFor({ kind: 'name', name: '  Quay Times ' })).toEqual({ ok: true, value: { from: 'name', name: 'Quay Times' } })
    expect(folderOutletFor({ kind: 'name', name: '   ' })).toMatchObject({ ok: false })
  })

  it('starts focused on "Leave it to the files", and typing a name chooses "One outlet"', async () => {
    bridge.answer('library.facets', () => facets)
    const onImport = vi.fn()
    render(<FolderImportDialog paths={['clips/Quay Times/a.txt', 'clips/b.txt']} onImport={onImport} onCancel={() => undefined} />)
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Leave it to the files/ }))
    fireEvent.change(screen.getByRole('combobox', { name: 'Outlet for the whole folder' }), { target: { value: 'Quay Gazette' } })
    expect(screen.getByRole('radio', { name: 'One outlet for the whole folder' })).toHaveProperty('checked', true)
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 files' }))
    expect(onImport).toHaveBeenCalledWith({ from: 'name', name: 'Quay Gazette' })
  })

  it('closes on Esc without importing', () => {
    bridge.answer('library.facets', () => facets)
    const onImport = vi.fn()
    const onCancel = vi.fn()
    render(<FolderImportDialog paths={['clips/a.txt']} onImport={onImport} onCancel={onCancel} />)
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(onCancel).toHaveBeenCalledOnce()
    expect(onImport).not.toHaveBeenCalled()
  })
})

describe('bulk edit', () => {
  it('builds one updateMany call: set, clear, add a tag; nothing when nothing changes', () => {
    expect(bulkCall([1, 2], KEEP_ALL)).toBeNull()
    const form = { ...KEEP_ALL, outlet: { mode: 'set' as const, value: ' Quay Times ' }, author: { mode: 'clear' as const }, tag: ' ferry ' }
    expect(bulkCall([1, 2], form)).toEqual({ ids: [1, 2], patch: { outlet: 'Quay Times', author: null }, addTags: ['ferry'] })
    expect(describeChange(form)).toBe('outlet set to “Quay Times”, author cleared, tag “ferry” added')
  })

  it('says what will change before applying, then reports what the core changed; an error stays in the dialog', async () => {
    bridge.answer('library.facets', () => facets)
    let fail = true
    bridge.answer('articles.updateMany', () => {
      if (fail) throw new Error('articles.updateMany: argument "patch.language" must be a language code like en')
      return { updated: 3 }
    })
    const onDone = vi.fn()
    render(<BulkEditDialog ids={[4, 5, 6]} onDone={onDone} onCancel={() => undefined} />)
    const apply = screen.getByRole('button', { name: 'Change 3 articles' })
    expect(apply).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByRole('textbox', { name: 'Language code' }), { target: { value: 'english' } })
    expect(screen.getByTestId('bulk-summary').textContent).toBe('On 3 articles: language code set to “english”. The values they have now are replaced and not kept.')
    await act(async () => fireEvent.click(apply))
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'articles.updateMany: argument "patch.language" must be a language code like en')
    expect(onDone).not.toHaveBeenCalled()
    fail = false
    fireEvent.change(screen.getByRole('textbox', { name: 'Language code' }), { target: { value: 'en' } })
    await act(async () => fireEvent.click(apply))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('3 articles changed: language code set to “en”'))
    expect(bridge.callsOf('articles.updateMany').at(-1)).toEqual({ ids: [4, 5, 6], patch: { language: 'en' } })
  })
})

describe('outlet aliases', () => {
  it('adds, repoints, replaces and removes entries without ever sending a name back to itself', () => {
    const list: OutletAlias[] = [{ alias: 'NY Times', outlet: 'NYT' }]
    const merged = withAlias(list, 'NYT', 'The New York Times')
    expect(merged).toEqual([
      { alias: 'NY Times', outlet: 'The New York Times' },
      { alias: 'NYT', outlet: 'The New York Times' }
    ])
    // Merging the other way round drops the entry that would loop and repoints the rest.
    expect(withAlias(merged, 'The New York Times', 'NYT')).toEqual([
      { alias: 'NY Times', outlet: 'NYT' },
      { alias: 'The New York Times', outlet: 'NYT' }
    ])
    expect(withAlias(merged, 'nyt', 'NYT')).toBe(merged)
    expect(withoutAlias(merged, 'nyt')).toEqual([{ alias: 'NY Times', outlet: 'The New York Times' }])
  })

  it('merges two outlets through setAliases and says how many articles were renamed', async () => {
    bridge.answer('library.facets', () => facets)
    bridge.answer('outlets.aliases', () => ({ items: [] }))
    bridge.answer('outlets.setAliases', (args: { items: OutletAlias[] }) => ({ items: args.items, renamed: 2 }))
    render(<OutletsDialog onClose={() => undefined} />)
    await screen.findAllByRole('option', { name: 'NYT (2)' })
    fireEvent.change(screen.getByRole('combobox', { name: 'Outlet to merge' }), { target: { value: 'NYT' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Outlet to keep' }), { target: { value: 'The New York Times' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Merge' })))
    expect(await screen.findByTestId('outlets-status')).toHaveProperty('textContent', 'NYT merged into The New York Times: 2 articles renamed.')
    expect(bridge.callsOf('outlets.setAliases')).toEqual([{ items: [{ alias: 'NYT', outlet: 'The New York Times' }] }])
    expect(screen.getByTestId('alias-list').textContent).toContain('NYT→The New York Times')
  })
})

/** A dropped folder as Chromium's entries API gives it: a directory entry with a reader. */
function folderEntry(name: string, files: File[]): FileSystemDirectoryEntry {
  const entries = files.map((f) => ({ isFile: true, isDirectory: false, name: f.name, fullPath: `/${name}/${f.name}`, file: (ok: (file: File) => void) => ok(f) }))
  let read = false
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath: `/${name}`,
    createReader: () => ({ readEntries: (ok: (e: unknown[]) => void) => ok(read ? [] : ((read = true), entries)) })
  } as unknown as FileSystemDirectoryEntry
}

describe('a dropped folder', () => {
  it('is reported as a folder with the files under their paths, so the dialog asks first', async () => {
    const onFiles = vi.fn()
    render(
      <DropZone onFiles={onFiles}>
        <p>app</p>
      </DropZone>
    )
    const a = new File(['A\n\ntext'], 'a.txt')
    const items = [{ kind: 'file', webkitGetAsEntry: () => folderEntry('Quay Times', [a]) }]
    fireEvent.drop(document.querySelector('.dropzone')!, { dataTransfer: { files: [a], items, types: ['Files'] } })
    await waitFor(() => expect(onFiles).toHaveBeenCalled())
    const [files, inFolders] = onFiles.mock.calls[0]! as [File[], boolean]
    expect(inFolders).toBe(true)
    expect(files.map(relativeName)).toEqual(['Quay Times/a.txt'])
  })
})
