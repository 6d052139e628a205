export type Issue = { message: string; at: string }

/** Every problem the importer found, each with where it is (line and column, or a JSON path). */
export function ImportIssues({ message, issues }: { message: string; issues: Issue[] }) {
  return (
    <div role="alert" data-testid="import-errors" className="crux-import-errors">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n} data-testid="import-issue">
              <code>{i.at}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
