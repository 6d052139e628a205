'use client'
import { ExportMenu } from '@/components/interchange/ExportMenu'
import styles from './published.module.css'

/** Readers of a published map may take images of it; the text formats need access to the live map. */
export function ExportImages({ title }: { title: string }) {
  return (
    <div className={styles.toolbar}>
      <ExportMenu title={title} />
    </div>
  )
}
