/** A refusal the history routes turn into an HTTP error; apart from the service so routes need no Yjs ([SY9]). */
export class HistoryRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'HistoryRefused'
  }
}
