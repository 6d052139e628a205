'use client'
import type { PersonVotes } from '@/core/people/displayName'

type Props = { people: readonly PersonVotes[]; scope: 'node' | 'map' }

/** Owners see who voted what (names through the one resolver, so anonymity can hide them). */
export function VotesByPerson({ people, scope }: Props) {
  return (
    <section className="crux-votes-by-person" aria-label="Votes by person" data-testid="votes-by-person">
      <h3>{scope === 'node' ? 'Votes on this node' : 'Votes by person'}</h3>
      {people.length === 0 ? (
        <p className="crux-hint">No votes yet.</p>
      ) : (
        <ul>
          {people.map((p) => (
            <li key={p.userId} data-testid="person-votes" data-user-id={p.userId}>
              <strong>{p.name}</strong>
              {scope === 'node' ? (
                <span data-testid="person-vote-value">: {p.votes[0]?.value}</span>
              ) : (
                <ul>
                  {p.votes.map((v) => (
                    <li key={v.nodeId}>
                      {v.text.slice(0, 40) || '(no text)'}: {v.value}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
