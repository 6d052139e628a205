import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { ACCESS_CHANNEL, decodeBusFrame, encodeBusFrame, mapChannel, type BusKind, type RoomBus } from './bus'

/** The RoomBus on Redis pub/sub: one connection publishes, one subscribes. */
export function createRedisBus(url: string, log: (msg: string, err?: unknown) => void): RoomBus {
  const instanceId = randomBytes(6).toString('hex')
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  for (const conn of [pub, sub]) conn.on('error', (err) => log('redis error', err))
  const rooms = new Map<string, (kind: BusKind, data: Uint8Array) => void>()
  const accessHandlers: Array<(mapId: string, userIds: string[] | 'all') => void> = []

  sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const name = channel.toString()
    if (name === ACCESS_CHANNEL) {
      try {
        const { mapId, userIds } = JSON.parse(message.toString()) as { mapId: string; userIds: string[] | 'all' }
        for (const h of accessHandlers) h(mapId, userIds)
      } catch (err) {
        log('bad access message', err)
      }
      return
    }
    const frame = decodeBusFrame(message)
    if (!frame || frame.instanceId === instanceId) return
    rooms.get(name)?.(frame.kind, frame.data)
  })

  return {
    instanceId,
    async join(mapId, onMessage) {
      const channel = mapChannel(mapId)
      rooms.set(channel, onMessage)
      await sub.subscribe(channel)
      return async () => {
        if (rooms.get(channel) !== onMessage) return
        rooms.delete(channel)
        await sub.unsubscribe(channel).catch(() => {})
      }
    },
    publish(mapId, kind, data) {
      pub.publish(mapChannel(mapId), encodeBusFrame(instanceId, kind, data)).catch((err) => log('publish failed', err))
    },
    async onAccessChange(handler) {
      accessHandlers.push(handler)
      if (accessHandlers.length === 1) await sub.subscribe(ACCESS_CHANNEL)
    },
    publishAccessChange(mapId, userIds) {
      pub.publish(ACCESS_CHANNEL, JSON.stringify({ mapId, userIds })).catch((err) => log('publish failed', err))
    },
    async ping() {
      await Promise.all([pub.ping(), sub.ping()])
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}
