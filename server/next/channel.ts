import type { ChildProcess } from 'node:child_process'
import { z } from 'zod'
import { ROUTE_SERVICE_NAMES, type CallService, type RouteConstants, type ServiceManifest } from '../app/registry'

/**
 * [SY11] The one channel between the sync process and Next's: Node's IPC with structured clone ("advanced"
 * serialization), so dates and bytes cross as themselves. Next's side asks for a service method by name; the
 * sync side checks every message against these schemas and calls only the methods its manifest lists.
 */
const CallMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  service: z.enum(ROUTE_SERVICE_NAMES),
  method: z.string().max(64),
  args: z.array(z.unknown()).max(16),
})

const ErrorShape = z.object({
  name: z.string(),
  message: z.string(),
  status: z.number().optional(),
  code: z.string().optional(),
})

const ReplyMessage = z.union([
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.number(), ok: z.literal(false), error: ErrorShape }),
])

export interface InitMessage {
  type: 'init'
  constants: RouteConstants
  manifest: ServiceManifest
}

export const ReadyMessage = z.object({ type: z.literal('ready'), port: z.number().int().positive() })

/** An error as the other side can rebuild it: services' refusals are read by name, status and code. */
function describeError(err: unknown): z.infer<typeof ErrorShape> {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; status?: unknown; code?: unknown }
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(err),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  }
}

/** The sync process's side: answers every call from Next's process with `call`. */
export function answerCalls(child: ChildProcess, call: CallService, log: (msg: string) => void): void {
  child.on('message', (raw) => {
    if ((raw as { type?: unknown })?.type !== 'call') return
    const message = CallMessage.safeParse(raw)
    if (!message.success) return log(`refused a malformed call: ${message.error.issues[0]?.message}`)
    const { id, service, method, args } = message.data
    const reply = (body: object) => {
      if (!child.connected) return
      try {
        child.send({ type: 'reply', id, ...body })
      } catch (err) {
        // A value structured clone cannot copy (a function, a class with private state): a bug, said in words.
        child.send({ type: 'reply', id, ok: false, error: describeError(err) })
      }
    }
    call(service, method, args).then(
      (value) => reply({ ok: true, value }),
      (err: unknown) => reply({ ok: false, error: describeError(err) }),
    )
  })
}

/** Next's side: each call is a message to the sync process, answered by id. */
export function callOverChannel(): CallService {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let nextId = 0
  process.on('message', (raw) => {
    const reply = ReplyMessage.safeParse(raw)
    if (!reply.success) return
    const waiting = pending.get(reply.data.id)
    if (!waiting) return
    pending.delete(reply.data.id)
    if (reply.data.ok) return waiting.resolve(reply.data.value)
    const { name, message, ...rest } = reply.data.error
    waiting.reject(Object.assign(new Error(message), { name, ...rest }))
  })
  process.on('disconnect', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('the sync process is gone'))
    pending.clear()
  })
  return (service, method, args) =>
    new Promise((resolve, reject) => {
      if (!process.send || !process.connected) return reject(new Error('the sync process is gone'))
      const id = nextId++
      pending.set(id, { resolve, reject })
      process.send({ type: 'call', id, service, method, args }, undefined, undefined, (err) => {
        if (err && pending.delete(id)) reject(err)
      })
    })
}
