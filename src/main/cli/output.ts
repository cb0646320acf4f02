/** Writing to the terminal: lines, errors, and text from files made safe to print. */

export function print(line: string): void {
  process.stdout.write(line + '\n')
}

/** Prints an error the way every command does and returns the exit code for it. */
export function reportError(message: string): number {
  process.stderr.write(`parallax: ${terminalSafe(message)}\n`)
  return 1
}

// C0 controls but tab and newline, DEL, and C1 controls (U+0080-U+009F, which include CSI).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_LINES = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * Text that came from an imported file (a title, an outlet, a file name), made harmless for a
 * terminal: control characters (ESC, BEL, C1 such as CSI) are shown as escapes (`\x1b`), so a
 * title cannot retitle the window, clear the screen or move the cursor. `multiline` keeps
 * newlines and tabs (article bodies); otherwise they are escaped too (one-line fields).
 */
export function terminalSafe(text: string, multiline = false): string {
  return text.replace(multiline ? CONTROLS : CONTROLS_AND_LINES, (c) => {
    const code = c.charCodeAt(0)
    if (c === '\n') return '\\n'
    if (c === '\t') return '\\t'
    if (c === '\r') return '\\r'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : c
  })
}
