// The names of the contract's methods and events, with no dependencies, so the preload
// (which must stay tiny and sandbox-safe) can allow-list them without bundling the schemas.
// contract.ts checks at compile time that these lists match its schemas exactly.

export const METHOD_NAMES = [
  'library.info',
  'articles.list',
  'articles.page',
  'articles.facets',
  'articles.get',
  'articles.update',
  'articles.updateMany',
  'articles.delete',
  'articles.versions',
  'articles.version',
  'articles.versionDiff',
  'articles.attachFile',
  'search.query',
  'search.locate',
  'search.status',
  'library.facets',
  'compare.run',
  'compare.report',
  'compare.pdf',
  'compare.versions',
  'comparisons.save',
  'comparisons.list',
  'comparisons.delete',
  'articles.related',
  'stories.list',
  'tags.change',
  'tags.list',
  'collections.list',
  'collections.create',
  'collections.delete',
  'collections.add',
  'collections.remove',
  'collections.export',
  'citations.export',
  'archive.export',
  'archive.import',
  'notes.list',
  'notes.create',
  'notes.update',
  'notes.delete',
  'notes.export',
  'import.files',
  'import.paths',
  'import.cancel',
  'outlets.aliases',
  'outlets.setAliases',
  'preferences.get',
  'preferences.update',
  'ocr.languages'
] as const

/** The desktop menu's commands the renderer carries out (the shell handles its own: dialogs, About). */
export const SHELL_COMMANDS = ['import-files', 'import-folder', 'find', 'compare-selected', 'toggle-notes', 'export', 'settings'] as const

export const EVENT_NAMES = ['import.progress', 'library.changed', 'shell.command'] as const

export type MethodName = (typeof METHOD_NAMES)[number]

/** Methods that read files named by path on this machine: refused unless the caller is trusted. */
export const LOCAL_ONLY_METHODS: readonly MethodName[] = ['import.paths']
export type EventName = (typeof EVENT_NAMES)[number]

/** The IPC channels the preload and the Electron shell agree on. */
export const IPC_INVOKE_CHANNEL = 'parallax:invoke'
export const IPC_EVENT_CHANNEL = 'parallax:event'
