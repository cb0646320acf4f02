#!/usr/bin/env node
// The `parallax` command: builds on first use in a checkout, then runs the bundled CLI.
'use strict'
const { join } = require('node:path')

try {
  require('../scripts/ensure-build.js').ensureBuilt()
} catch (err) {
  process.stderr.write(`parallax: ${err.message}\n`)
  process.exit(1)
}
require(join(__dirname, '..', 'out', 'main', 'cli.js'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
