/**
 * The layers, enforced on every `npm test` (npm run lint:deps). Lower layers never import upper ones:
 *
 *   shared  <-  core utilities: text (tokenize, normalise), dedupe (content identity, MinHash), export
 *               (escaping), platform (paths, SQLite messages), rpc (the typed worker channel)
 *           <-  core domains: cite, compare, importers, search, notes (pure logic; never each other)
 *           <-  store (all SQL; the search index keeps its own persistence inside search/)
 *           <-  core services (core/services, core/*.ts)
 *           <-  bridge, cli, shell (main/index.ts, main/shell)
 *
 * The renderer depends on shared only; 'electron' is imported by the shell and the preload only.
 */
const DOMAINS = '(cite|compare|importers|search|notes)'
const UTILITIES = '(text|dedupe|export|platform|rpc)'
const CORE = '^src/main/core/'

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Cycles make layers meaningless.', from: {}, to: { circular: true } },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment: "Only the Electron shell and the preload may import 'electron' (the core runs in plain Node).",
      from: { pathNot: '^src/(main/index\\.ts|main/shell/|preload/)' },
      to: { path: '(^|/)node_modules/electron/|^electron(/|$)', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'renderer-only-shared',
      severity: 'error',
      comment: 'The renderer reaches the core only through the API client: it may import src/shared and packages, nothing else of src.',
      from: { path: '^src/renderer/' },
      to: { path: '^src/', pathNot: '^src/(renderer|shared)/' }
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'The renderer never gets Node.',
      from: { path: '^src/(renderer|shared)/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'shared-is-the-bottom',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' }
    },
    {
      name: 'utilities-below-domains',
      severity: 'error',
      comment: 'The core utilities import only each other and shared code.',
      from: { path: `${CORE}${UTILITIES}/` },
      to: { path: `${CORE}`, pathNot: `${CORE}${UTILITIES}/` }
    },
    {
      name: 'domains-below-store',
      severity: 'error',
      comment: 'Domain logic (cite, compare, importers, search, notes) never reaches up to the store, the services or the edges.',
      from: { path: `${CORE}${DOMAINS}/` },
      to: { path: `^src/main/(core/(store|services)/|core/[^/]+\\.ts$|bridge/|cli|shell/|index\\.ts)` }
    },
    {
      name: 'domains-apart',
      severity: 'error',
      comment: 'One domain does not import another: what they share belongs in a core utility or shared.',
      from: { path: `${CORE}(${DOMAINS.slice(1, -1)})/` },
      to: { path: `${CORE}${DOMAINS}/`, pathNot: `${CORE}$1/` }
    },
    {
      name: 'store-below-services',
      severity: 'error',
      from: { path: `${CORE}store/` },
      to: { path: `^src/main/(core/services/|core/[^/]+\\.ts$|bridge/|cli|shell/|index\\.ts)` }
    },
    {
      name: 'core-below-edges',
      severity: 'error',
      comment: 'The core never imports the bridge, the CLI or the shell.',
      from: { path: CORE },
      to: { path: '^src/main/(bridge/|cli|shell/|index\\.ts)' }
    },
    {
      name: 'edges-apart',
      severity: 'error',
      comment: 'The bridge and the CLI run without Electron: they never import the shell.',
      from: { path: '^src/main/(bridge/|cli)' },
      to: { path: '^src/main/(shell/|index\\.ts)' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
