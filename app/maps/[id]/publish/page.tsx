import { headers } from 'next/headers'
import Link from 'next/link'
import { bylineAction, publishAction, unpublishAction } from './actions'
import { MapActionForm } from '@/components/forms/MapActionForm'
import styles from './publish.module.css'
import { EmbedCodeBuilder } from '@/components/published/EmbedCodeBuilder'
import { mapToManage } from '@/server/app/viewer'
import { services } from '@/server/app/registry'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Publishing' }

/** The address readers use, as the browser sees this app (behind a proxy too). */
async function origin(): Promise<string> {
  const h = await headers()
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'
  const proto = h.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}`
}

export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const map = await mapToManage(id)
  const status = (await services().publishing.status(id))!
  const base = status.slug ? `${await origin()}/p/${status.slug}` : null

  return (
    <main className={styles.page}>
      <p>
        <Link href={`/maps/${id}`}>← Back to the map</Link>
      </p>
      <h1>Publishing “{map.title}”</h1>
      <p>
        Publishing freezes the map as it is now into a read-only version anyone can read, without an account. Later
        edits stay private until you publish again, which adds a new version; earlier versions keep their own addresses.
      </p>

      <section aria-labelledby="state-h">
        <h2 id="state-h">
          {status.published ? 'Published' : status.versions.length > 0 ? 'Not published (hidden)' : 'Not published yet'}
        </h2>
        {status.published && base ? (
          <p>
            Public address:{' '}
            <a href={base} data-testid="public-url">
              {base}
            </a>
          </p>
        ) : null}
        <div className={styles.inline}>
          <MapActionForm action={publishAction}>
            <input type="hidden" name="mapId" value={id} />
            <button type="submit" className="primary" data-testid="publish">
              {status.versions.length === 0 ? 'Publish' : 'Publish a new version'}
            </button>
          </MapActionForm>
        </div>
        {status.published && base ? (
          // A confirmation that works without scripts: nothing is hidden until the second, explicit button.
          <details className={styles.confirm}>
            <summary data-testid="unpublish">Unpublish…</summary>
            <p data-testid="unpublish-consequences">
              Unpublishing hides <strong>{base}</strong> and the addresses of all {status.versions.length} version
              {status.versions.length === 1 ? '' : 's'} (<code>{base}/v/1</code> and on), and every embed of this map on
              other sites stops showing it: articles that link to it or embed it will show “not found”. Nothing is
              deleted, and publishing again brings back the same addresses.
            </p>
            <MapActionForm action={unpublishAction}>
              <input type="hidden" name="mapId" value={id} />
              <button type="submit" className="danger" data-testid="confirm-unpublish">
                Unpublish every version
              </button>
            </MapActionForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="byline-h">
        <h2 id="byline-h">Byline</h2>
        {/* [PR12] Off until the owner says so; it applies to every version as soon as it is saved. */}
        <MapActionForm action={bylineAction} label="Byline" testId="byline-form">
          <input type="hidden" name="mapId" value={id} />
          <label>
            <input
              type="checkbox"
              name="byline"
              value="on"
              defaultChecked={status.byline}
              data-testid="byline-setting"
            />{' '}
            name the map’s owner as its author on the published pages (their display name, under the title)
          </label>{' '}
          <button type="submit">Save</button>
        </MapActionForm>
      </section>

      {status.versions.length > 0 ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">Versions</h2>
          <ol reversed data-testid="versions">
            {status.versions.map((v) => (
              <li key={v.number} data-version={v.number}>
                {status.published ? (
                  <a href={`/p/${status.slug}/v/${v.number}`}>Version {v.number}</a>
                ) : (
                  <>Version {v.number}</>
                )}{' '}
                — “{v.title}”,{' '}
                <time dateTime={v.createdAt.toISOString()}>
                  {v.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC
                </time>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {status.published && status.slug ? (
        <section aria-labelledby="embed-h">
          <h2 id="embed-h">Embed on another site</h2>
          <EmbedCodeBuilder
            origin={await origin()}
            slug={status.slug}
            title={map.title}
            versions={status.versions.map((v) => v.number)}
          />
        </section>
      ) : null}
    </main>
  )
}
