/**
 * Owners change a classroom setting of the map ([PP1], [PN4], [PM1]): the
 * server checks the role and the body; the answer is null when it took the
 * change, else the server's reason in words for the page to show.
 */
export async function putClassroomSetting(
  mapId: string,
  what: 'phase' | 'anonymity' | 'review',
  body: unknown,
): Promise<string | null> {
  const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/${what}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.ok) return null
  const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
  return answer?.error?.message ?? 'Could not change that'
}
