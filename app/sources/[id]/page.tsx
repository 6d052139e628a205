import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { loadSource } from '@/content'

type Props = { params: Promise<{ id: string }> }

/** The shipped article, or a 404 for any id that is not one (loadSource refuses odd ids itself). */
async function sourceOr404(id: string) {
  return loadSource(id).catch(() => notFound())
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await sourceOr404((await params).id)).meta.title }
}

/** A source article for readers of published maps: public, like the seed maps that quote it. */
export default async function SourcePage({ params }: Props) {
  const { meta, text } = await sourceOr404((await params).id)
  return (
    <main className="page" data-testid="source-page">
      <h1>{meta.title}</h1>
      <p>Published by {meta.publisher}. The text as the maps quote it:</p>
      <article>
        {text.split(/\n\s*\n/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </article>
    </main>
  )
}
