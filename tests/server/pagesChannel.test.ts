import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { callLocal, serviceManifest, ROUTE_SERVICE_NAMES } from '@/server/app/registry'
import type { Services } from '@/server/app/services'
import { answerCalls, type InitMessage } from '@/server/next/channel'

/**
 * [SY11] The channel between the sync process and Next's, with a real child process on Node's IPC: what
 * route code calls arrives as the service returned it, refusals keep their shape, and nothing outside the
 * manifest can be called.
 */
class Refused extends Error {
  override name = 'CommentRefused'
  readonly status = 403
  readonly code = 'forbidden'
}

const stamp = new Date('2026-12-01T10:00:00Z')

function fakeServices(): Services {
  const empty = Object.fromEntries(ROUTE_SERVICE_NAMES.map((n) => [n, {}]))
  return {
    ...empty,
    env: { ALLOWED_ORIGINS: ['https://school.example'] },
    secret: new Uint8Array([7, 7, 7]),
    maps: {
      content: async (id: string) => ({ id, bytes: new Uint8Array([1, 2, 255]), at: stamp, tags: new Set(['a']) }),
      count: (n: number) => n + 1,
      leak: async () => () => 'a function cannot cross',
    },
    comments: {
      remove: async () => {
        throw new Refused('Only the author or an owner may delete this comment')
      },
    },
  } as unknown as Services
}

let child: ChildProcess | undefined
const logged: string[] = []

async function start(): Promise<{ probe: (m: object) => Promise<Record<string, unknown>>; ready: InitMessage }> {
  const services = fakeServices()
  child = fork(path.join(import.meta.dirname, 'support/channelChild.ts'), [], {
    serialization: 'advanced',
    execArgv: ['--import', 'tsx'],
  })
  answerCalls(child, callLocal(services), (msg) => logged.push(msg))
  const replies: Array<(m: Record<string, unknown>) => void> = []
  let readyResolve!: (m: InitMessage) => void
  const ready = new Promise<InitMessage>((r) => (readyResolve = r))
  child.on('message', (m: Record<string, unknown>) => {
    if (m.type === 'ready') readyResolve(m as unknown as InitMessage)
    if (m.type === 'result') replies.shift()?.(m)
  })
  child.send({
    type: 'init',
    constants: { env: services.env, secret: services.secret },
    manifest: serviceManifest(services),
  } satisfies InitMessage)
  const probe = (m: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      replies.push(resolve)
      child!.send(m)
    })
  return { probe, ready: await ready }
}

afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
  logged.length = 0
})

describe('[SY11] the service channel to Next', () => {
  test('constants arrive once, and a call returns bytes, dates and sets as themselves', async () => {
    const { probe, ready } = await start()
    expect(ready.constants.secret).toEqual(new Uint8Array([7, 7, 7]))
    expect(ready.constants.env.ALLOWED_ORIGINS).toEqual(['https://school.example'])
    const result = await probe({ type: 'probe', service: 'maps', method: 'content', args: ['m1'] })
    expect(result.ok).toBe(true)
    const value = result.value as { id: string; bytes: Uint8Array; at: Date; tags: Set<string> }
    expect(value.id).toBe('m1')
    expect(value.bytes).toBeInstanceOf(Uint8Array)
    expect([...value.bytes]).toEqual([1, 2, 255])
    expect(value.at).toBeInstanceOf(Date)
    expect(value.at.getTime()).toBe(stamp.getTime())
    expect(value.tags).toEqual(new Set(['a']))
  })

  test('a method that answers at once at home answers asynchronously across, with the same value', async () => {
    const { probe } = await start()
    expect(await probe({ type: 'probe', service: 'maps', method: 'count', args: [41] })).toMatchObject({
      ok: true,
      value: 42,
    })
  })

  test("a service's refusal crosses with its name, status, code and words", async () => {
    const { probe } = await start()
    const result = await probe({ type: 'probe', service: 'comments', method: 'remove', args: ['c1'] })
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: 'CommentRefused',
        status: 403,
        code: 'forbidden',
        message: 'Only the author or an owner may delete this comment',
      },
    })
  })

  test('a value structured clone cannot copy is an error in words, not a hang', async () => {
    const { probe } = await start()
    const result = await probe({ type: 'probe', service: 'maps', method: 'leak', args: [] })
    expect(result.ok).toBe(false)
    expect(String((result.error as { message: string }).message)).toMatch(/could not be cloned|clone/i)
  })

  test('only methods in the manifest can be called: not inherited ones, not other services', async () => {
    const { probe } = await start()
    for (const method of ['toString', 'constructor', 'hasOwnProperty']) {
      const result = await probe({ type: 'raw', message: { service: 'maps', method, args: [] } })
      expect(result, method).toMatchObject({ ok: false, error: { message: `no such service method: maps.${method}` } })
    }
    // Next's side never even builds a method the manifest does not list.
    const absent = await probe({ type: 'probe', service: 'maps', method: 'toString', args: [] })
    expect(absent).toMatchObject({ ok: false, error: { message: "absent on Next's side: maps.toString" } })
  })

  test('a malformed call is refused and said in the log, and the channel keeps working', async () => {
    const { probe } = await start()
    child!.send({ type: 'raw', message: { service: 'db', method: '$queryRawUnsafe', args: ['DROP TABLE "Map"'] } })
    // The child's raw call names a service outside ROUTE_SERVICE_NAMES: the sync side answers nothing and logs.
    await expect.poll(() => logged.join('\n'), { timeout: 5000 }).toMatch(/refused a malformed call/)
    expect(await probe({ type: 'probe', service: 'maps', method: 'count', args: [1] })).toMatchObject({ value: 2 })
  })
})
