/** The reader's near-duplicates: a wire story copied hundreds of times shows a few, then "and N more". */
import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { NEAR_DUPLICATES_SHOWN, NearDuplicates } from '../../src/renderer/src/components/NearDuplicates'

const copies = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 2, title: `Copy ${i + 1}`, outlet: `Outlet ${i + 1}`, similarity: 0.95 }))

describe('NearDuplicates', () => {
  it('shows the first few and "and N more", which shows them all; each opens its article', () => {
    const onOpen = vi.fn()
    render(<NearDuplicates items={copies(450)} onOpen={onOpen} />)
    expect(screen.getAllByRole('button', { name: /% shared/ })).toHaveLength(NEAR_DUPLICATES_SHOWN)
    fireEvent.click(screen.getByRole('button', { name: `and ${(450 - NEAR_DUPLICATES_SHOWN).toLocaleString('en-US')} more` }))
    expect(screen.getAllByRole('button', { name: /% shared/ })).toHaveLength(450)
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Outlet 3 (95% shared)' }))
    expect(onOpen).toHaveBeenCalledWith(4)
  })

  it('lists a few without a "more" button, and nothing at all for none', () => {
    const { container, rerender } = render(<NearDuplicates items={copies(2)} onOpen={() => undefined} />)
    expect(screen.getAllByRole('button')).toHaveLength(2)
    rerender(<NearDuplicates items={[]} onOpen={() => undefined} />)
    expect(container.innerHTML).toBe('')
  })
})
