'use client'
import { useId, useState, type ReactNode } from 'react'

/**
 * On a wide screen, its children in a row as usual. On a phone (see map.css, max-width 640px) they
 * fold behind one button, so the canvas keeps the screen; choosing something inside folds them again.
 */
export function PhoneMenu({
  label,
  testId,
  className,
  children,
}: {
  label: string
  testId: string
  className: string
  children: ReactNode
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="crux-phone-menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label}
      </button>
      <div
        id={id}
        className={`${className} crux-phone-folded${open ? ' is-open' : ''}`}
        // A click on a button or a link inside is a choice made: fold the menu, so what it opened (the
        // outline, a side panel) is not covered by it. Buttons that open something inside the menu itself
        // (aria-haspopup, or aria-controls naming an element in it) keep it open. Wide screens never fold.
        onClick={(e) => {
          const menu = e.currentTarget
          const choice = (e.target as HTMLElement).closest<HTMLElement>('button:not([aria-haspopup]), a')
          const controls = choice?.getAttribute('aria-controls')
          const opensInside = !!controls && !!menu.querySelector(`#${CSS.escape(controls)}`)
          if (choice && !opensInside) setOpen(false)
        }}
      >
        {children}
      </div>
    </>
  )
}
