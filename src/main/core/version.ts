/** The app's version, inlined at build time from package.json (see electron.vite.config.ts). */
declare const __PARALLAX_VERSION__: string | undefined
export const APP_VERSION: string = typeof __PARALLAX_VERSION__ === 'string' ? __PARALLAX_VERSION__ : '0.0.0-dev'
