import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { PAGE_CSP } from './src/shared/csp'

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string }
const define = { __PARALLAX_VERSION__: JSON.stringify(pkg.version) }

/** Writes the one CSP (src/shared/csp.ts) into index.html; a page without it must not be built. */
const csp: Plugin = {
  name: 'parallax-csp',
  transformIndexHtml(html) {
    if (!html.includes('%PARALLAX_CSP%')) throw new Error('index.html has no %PARALLAX_CSP% placeholder for the CSP')
    return html.replace('%PARALLAX_CSP%', PAGE_CSP)
  }
}

export default defineConfig({
  main: {
    define,
    build: {
      // better-sqlite3 (native) and the other runtime dependencies stay in node_modules. ESM-only
      // ones (linkedom, postal-mime) load through require(esm): Node >= 20.19 and Electron's Node 22.
      // eld (language guessing) is ESM with an import-only export map: bundled, not required.
      externalizeDeps: { exclude: ['eld'] },
      rolldownOptions: {
        // index: the Electron shell. cli: the `parallax` command and browser mode (no Electron).
        // import-worker: parses files in worker threads (time and memory limits per file).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/core/workers/parse-worker.ts'),
          // ocr-worker: reads scans (tesseract.js, pdf.js on @napi-rs/canvas), one page per call.
          'ocr-worker': resolve(__dirname, 'src/main/core/workers/ocr-worker.ts'),
          'search-worker': resolve(__dirname, 'src/main/core/search/worker.ts'),
          // The search benchmark (npm run bench -- search); left out of installers.
          'bench-search': resolve(__dirname, 'bench/search.ts'),
          'bench-compare': resolve(__dirname, 'bench/compare.ts'),
          'bench-hostile': resolve(__dirname, 'bench/hostile.ts'),
          'bench-extract': resolve(__dirname, 'bench/extract.ts'),
          'bench-table': resolve(__dirname, 'bench/table.ts'),
          'bench-stories': resolve(__dirname, 'bench/stories.ts'),
          'bench-scale': resolve(__dirname, 'bench/scale.ts'),
          'bench-ocr': resolve(__dirname, 'bench/ocr.ts')
        },
        output: { format: 'cjs' }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing to require but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), csp],
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
