import type { Issue } from './ImportIssues'

/**
 * After an import that had to map or leave out something ([AD9], [AF5]):
 * each item, with where it was in the file, and the way on to the new map.
 * Text from the file is shown as text.
 */
export function ImportSummary({ mapId, warnings }: { mapId: string; warnings: Issue[] }) {
  return (
    <section data-testid="import-summary" className="crux-import-errors" aria-live="polite">
      <p>
        Imported. {warnings.length} thing{warnings.length === 1 ? '' : 's'} in the file could not be kept exactly as
        written:
      </p>
      <ul>
        {warnings.map((w, n) => (
          <li key={n} data-testid="import-warning">
            <code>{w.at}</code>: {w.message}
          </li>
        ))}
      </ul>
      <a href={`/maps/${mapId}`} className="primary" data-testid="import-open">
        Open the map
      </a>
    </section>
  )
}
