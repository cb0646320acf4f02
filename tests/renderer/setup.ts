/** Runs before each renderer test file: the stand-in preload, and a clean DOM after each test. */
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { bridge } from './bridge'

window.parallax = { invoke: bridge.invoke, on: bridge.on }

afterEach(() => {
  cleanup()
  document.body.replaceChildren()
  bridge.reset()
})
