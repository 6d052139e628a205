'use client'
import type { Contributor } from '@/core/graph'

type Props = { people: ReadonlyMap<string, Contributor>; value: string; onChange: (value: string) => void }

/** Shows one person's or one team's contributions; everything else fades. */
export function ContributionFilterSelect({ people, value, onChange }: Props) {
  const list = [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
  const teams = [...new Set(list.flatMap((p) => (p.group ? [p.group] : [])))].sort()
  return (
    <label className="crux-filter">
      <span className="visually-hidden">Show contributions of</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="contribution-filter"
        aria-label="Show contributions of"
      >
        <option value="">Everyone’s work</option>
        {teams.length > 0 && (
          <optgroup label="Teams">
            {teams.map((t) => (
              <option key={t} value={`t:${t}`}>
                Team {t}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="People">
          {list.map((p) => (
            <option key={p.userId} value={`u:${p.userId}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  )
}
