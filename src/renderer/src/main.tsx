import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './styles.css'

// The reader's text size, as the user last set it.
const size = localStorage.getItem('parallax.readerSize')
if (size) document.documentElement.style.setProperty('--reader-size', `${size}px`)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
