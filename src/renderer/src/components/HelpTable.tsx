/** A two-column help table: what to type or press, and what it does. */
import type { ReactNode } from 'react'

export function HelpTable({ rows, keyAs }: { rows: [string, string][]; keyAs: (key: string) => ReactNode }): React.JSX.Element {
  return (
    <table>
      <tbody>
        {rows.map(([key, what]) => (
          <tr key={key}>
            <td>{keyAs(key)}</td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
