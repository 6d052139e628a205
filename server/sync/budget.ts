/**
 * What one connection may cost the server, per second. The stock y-websocket
 * client re-sends every awareness change it receives (other people's
 * included), so the inbound budget charges only what the sender chose to send
 * and lets through, for free, as many pure echoes as the server sent it
 * presence frames [PB1] [PS6]. Replies to the sender's own requests (a
 * SyncStep2 answering its SyncStep1, the states answering a query-awareness)
 * are charged to an outbound budget, so a 4-byte request cannot bring back
 * the whole map without bound [PB4].
 */
export interface RateLimit {
  /** Charged frames per second: own presence, doc updates, requests, junk. */
  messagesPerSecond: number
  /** Bytes of charged frames per second. */
  bytesPerSecond: number
  /** Bytes per second of replies to the connection's own requests (its first sync is free). */
  replyBytesPerSecond: number
}

export const DEFAULT_RATE_LIMIT: RateLimit = {
  messagesPerSecond: 300,
  bytesPerSecond: 8 * 1024 * 1024,
  replyBytesPerSecond: 2 * 1024 * 1024,
}

/**
 * Echo credit a connection may bank: one per presence frame sent to it. The
 * cap keeps an idle connection from saving up a flood; a stock client echoes
 * at once, so it never needs more than a few.
 */
const MAX_ECHO_CREDIT = 64

export interface ConnectionBudget {
  /** Charges one inbound frame; false when the connection is over its budget. */
  spend(bytes: number): boolean
  /** The server sent this connection a presence frame: one echo of it is free. */
  granted(): void
  /** Takes one free echo; false when there is no credit left (the frame is then charged). */
  takeEcho(): boolean
  /** Charges a reply to the connection's own request; false when it is over its reply budget. */
  reply(bytes: number): boolean
}

export function createBudget(limit: RateLimit, now: () => number = Date.now): ConnectionBudget {
  const inbound = windowCounter(now)
  const outbound = windowCounter(now)
  let echoCredit = 0
  let firstReply = true
  return {
    spend(bytes) {
      const w = inbound.add(bytes)
      return w.count <= limit.messagesPerSecond && w.bytes <= limit.bytesPerSecond
    },
    granted() {
      echoCredit = Math.min(MAX_ECHO_CREDIT, echoCredit + 1)
    },
    takeEcho() {
      if (echoCredit === 0) return false
      echoCredit--
      return true
    },
    reply(bytes) {
      // The handshake's answer is the whole map once: that is what connecting is for.
      if (firstReply) {
        firstReply = false
        return true
      }
      return outbound.add(bytes).bytes <= limit.replyBytesPerSecond
    },
  }
}

/** Frames and bytes in the current one-second window. */
function windowCounter(now: () => number) {
  let start = now()
  let count = 0
  let bytes = 0
  return {
    add(size: number): { count: number; bytes: number } {
      const t = now()
      if (t - start >= 1000) {
        start = t
        count = 0
        bytes = 0
      }
      count++
      bytes += size
      return { count, bytes }
    },
  }
}
