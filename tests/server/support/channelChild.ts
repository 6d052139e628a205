// Next's side of the [SY11] channel, without Next: it builds the route services from the sync side's
// manifest, as server/next/child.ts does, then runs each probe the test sends and reports what came back.
import { routeServicesFrom } from '@/server/app/registry'
import { callOverChannel, type InitMessage } from '@/server/next/channel'

type Probe = { type: 'probe'; service: string; method: string; args: unknown[] } | { type: 'raw'; message: unknown }

const init = await new Promise<InitMessage>((resolve) => process.once('message', (m) => resolve(m as InitMessage)))
const call = callOverChannel()
const rs = routeServicesFrom(init.constants, init.manifest, call) as unknown as Record<
  string,
  Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>
>

process.on('message', (message: Probe) => {
  const run = (): Promise<unknown> => {
    if (message.type === 'raw') {
      const m = message.message as { service: never; method: string; args: unknown[] }
      return call(m.service, m.method, m.args)
    }
    if (message.type !== 'probe') return Promise.reject(new Error('not a probe'))
    const method = rs[message.service]?.[message.method]
    if (!method) return Promise.reject(new Error(`absent on Next's side: ${message.service}.${message.method}`))
    return method(...message.args)
  }
  if (message.type !== 'probe' && message.type !== 'raw') return
  run().then(
    (value) => process.send!({ type: 'result', ok: true, value }),
    (err: Error & { status?: number; code?: string }) =>
      process.send!({
        type: 'result',
        ok: false,
        error: { name: err.name, message: err.message, status: err.status, code: err.code },
      }),
  )
})
process.send!({ type: 'ready', port: 1, constants: init.constants })
process.on('disconnect', () => process.exit(0))
