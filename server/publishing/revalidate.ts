import { revalidatePath } from 'next/cache'

/** Published pages sit in Next's page cache; anything that changes what they show drops those copies. */
export function revalidatePublishedPages(): void {
  revalidatePath('/p/[slug]', 'page')
  revalidatePath('/p/[slug]/v/[n]', 'page')
  revalidatePath('/embed/[slug]', 'page')
  revalidatePath('/embed/[slug]/v/[n]', 'page')
}
