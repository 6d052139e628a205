import fs from 'node:fs'

const TICKS_PER_SECOND = 100
const PAGE_BYTES = 4096

/** Next's own process under `npm start` ([SY11]): it serves pages and never sees a socket frame. */
const PAGES_PROCESS = /server\/next\/child\.ts/

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/**
 * CPU time and resident memory of a process and all its descendants, from
 * /proc (Linux): the server may be a tree (tsx running node as a child), not
 * the pid the bench spawned. `sync: true` leaves out Next's process, so the
 * figures are the sync process's own, as the targets are stated.
 */
export function processTreeUsage(
  rootPid: number,
  options: { sync?: boolean } = {},
): { cpuMs: number; rssBytes: number } {
  const stats = new Map<number, { ppid: number; cpuTicks: number; rssPages: number }>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name is in parentheses and may hold spaces: fields count from after it.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
        rssPages: Number(fields[21]),
      })
    } catch {
      // the process ended while we looked
    }
  }
  let cpuTicks = 0
  let rssPages = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop()!
    const s = stats.get(pid)
    if (s) {
      cpuTicks += s.cpuTicks
      rssPages += s.rssPages
    }
    for (const [child, c] of stats) {
      if (c.ppid !== pid) continue
      if (options.sync && PAGES_PROCESS.test(commandLine(child))) continue
      pending.push(child)
    }
  }
  return { cpuMs: (cpuTicks * 1000) / TICKS_PER_SECOND, rssBytes: rssPages * PAGE_BYTES }
}
