'use client'
import { useRouter } from 'next/navigation'
import { useState, type ChangeEvent, type FormEvent } from 'react'
import { importTooBig, utf8Length } from '@/core/convert/importLimits'
import { detectFormat, FORMAT_LABELS, type ImportFormat } from './detectFormat'
import { ImportIssues, type Issue } from './ImportIssues'
import { ImportSummary } from './ImportSummary'

type Failure = { message: string; issues: Issue[] }

/** Paste or upload; the format is guessed and can be overridden; problems are listed with where they are. */
export function ImportForm() {
  const router = useRouter()
  const [text, setText] = useState('')
  const [fileName, setFileName] = useState<string | undefined>()
  const [override, setOverride] = useState<ImportFormat | 'auto'>('auto')
  const [title, setTitle] = useState('')
  const [failure, setFailure] = useState<Failure | null>(null)
  const [pending, setPending] = useState(false)
  const [imported, setImported] = useState<{ id: string; warnings: Issue[] } | null>(null)
  const detected = detectFormat(text, fileName)
  const format = override === 'auto' ? detected : override

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    if (!file) return
    // [AF5] Too big a file is refused here, before anything is read or sent.
    const tooBig = importTooBig(file.size)
    if (tooBig) {
      setFailure({ message: tooBig, issues: [] })
      return
    }
    setFileName(file.name)
    setText(await file.text())
    setFailure(null)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const tooBig = importTooBig(utf8Length(text))
    if (tooBig) {
      setFailure({ message: tooBig, issues: [] })
      return
    }
    setPending(true)
    setFailure(null)
    try {
      const res = await fetch('/api/maps/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format, text, ...(title.trim() ? { title: title.trim() } : {}) }),
      })
      const body = (await res.json().catch(() => null)) as {
        id?: string
        warnings?: unknown
        error?: { message: string; issues?: unknown }
      } | null
      if (res.ok && body?.id) {
        const warnings = Array.isArray(body.warnings) ? (body.warnings as Issue[]) : []
        // What had to be mapped or left out is listed before the map opens; a clean import opens it at once.
        if (warnings.length > 0) setImported({ id: body.id, warnings })
        else router.push(`/maps/${body.id}`)
        return
      }
      const issues = Array.isArray(body?.error?.issues) ? (body.error.issues as Issue[]) : []
      setFailure({ message: body?.error?.message ?? `Import failed (${res.status})`, issues })
    } catch {
      setFailure({ message: 'The server could not be reached', issues: [] })
    } finally {
      setPending(false)
    }
  }

  if (imported) return <ImportSummary mapId={imported.id} warnings={imported.warnings} />

  return (
    <form onSubmit={submit} data-testid="import-form" className="crux-import">
      <label>
        <span>File</span>
        <input
          type="file"
          accept=".argdown,.ad,.json,.txt"
          onChange={(e) => void onFile(e)}
          data-testid="import-file"
        />
      </label>
      <label>
        <span>…or paste the text</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          spellCheck={false}
          data-testid="import-text"
          required
        />
      </label>
      <label>
        <span>Format</span>
        <select
          value={override}
          onChange={(e) => setOverride(e.target.value as ImportFormat | 'auto')}
          data-testid="import-format"
        >
          <option value="auto">Detect automatically ({FORMAT_LABELS[detected]})</option>
          {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Title (optional: otherwise the file’s own)</span>
        <input
          type="text"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          data-testid="import-title"
        />
      </label>
      {failure && <ImportIssues message={failure.message} issues={failure.issues} />}
      <button type="submit" className="primary" disabled={pending || text.trim() === ''} data-testid="import-submit">
        {pending ? 'Importing…' : `Import as ${FORMAT_LABELS[format]}`}
      </button>
    </form>
  )
}
