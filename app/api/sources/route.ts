import { NextResponse } from 'next/server'
import { z } from 'zod'
import { loadSeedIndex, loadSource } from '@/content'
import { route } from '@/server/http/route'

/** The articles the app ships (those its seed maps cite), for "Open source" in a map that cites none yet. */
export const GET = route({ params: z.object({}).default({}) }, async () => {
  const ids = [...new Set((await loadSeedIndex()).maps.map((m) => m.source))]
  const sources = await Promise.all(ids.map(async (id) => ({ id, ...pick((await loadSource(id)).meta) })))
  return NextResponse.json({ sources }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
})

const pick = ({ title, publisher }: { title: string; publisher: string }) => ({ title, publisher })
