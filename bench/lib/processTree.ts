import fs from 'node:fs'

const TICKS_PER_SECOND = 100
const PAGE_BYTES = 4096

/**
 * CPU time and resident memory of a process and all its descendants, from
 * /proc (Linux). `npm start` runs tsx, which runs node as a child: the server
 * is the whole tree, not the pid the bench spawned.
 */
export function processTreeUsage(rootPid: number): { cpuMs: number; rssBytes: number } {
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
    for (const [child, c] of stats) if (c.ppid === pid) pending.push(child)
  }
  return { cpuMs: (cpuTicks * 1000) / TICKS_PER_SECOND, rssBytes: rssPages * PAGE_BYTES }
}
