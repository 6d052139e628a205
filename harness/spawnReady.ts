import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

/**
 * Runs `script` as `npm start` runs scripts/start.ts (one node process with
 * the tsx loader, so signals reach it) and resolves with the address it
 * prints as `ready on <address>`; rejects with its output if it exits first.
 */
export async function spawnUntilReady(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ child: ChildProcess; address: string; exited: Promise<void>; log: () => string }> {
  // CRUX_PROFILE_DIR=<dir> writes a V8 CPU profile of the app (and of Next's process) there when it exits.
  const profile = process.env.CRUX_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CRUX_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  let log = ''
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${timeoutMs / 1000} s:\n${log}`)),
      timeoutMs,
    )
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString()
      const m = /ready on (\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code} before it was ready:\n${log}`))
    })
  })
  // CRUX_CHILD_LOG=1 passes the child's own log on (the fault harness uses it to show failed appends).
  if (process.env.CRUX_CHILD_LOG === '1') child.stderr!.on('data', (c: Buffer) => process.stderr.write(c))
  // The log keeps growing after start: callers read it later (e.g. for lines that mean a misbuilt app).
  return { child, address, exited, log: () => log }
}
