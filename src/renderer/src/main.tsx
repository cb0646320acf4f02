import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
// Styles per area, in cascade order: base controls first, then the shell and each view.
import './styles/base.css'
import './styles/shell.css'
import './styles/library.css'
import './styles/reader.css'
import './styles/versions.css'
import './styles/compare.css'
import './styles/stories.css'
import './styles/first-hour.css'
import './styles/dialogs.css'

// The reader's text size, as the user last set it.
const size = localStorage.getItem('parallax.readerSize')
if (size) document.documentElement.style.setProperty('--reader-size', `${size}px`)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
