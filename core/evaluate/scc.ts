/**
 * Strongly connected components of a graph in CSR form (Tarjan), iterative
 * so that a 100,000-node chain does not overflow the call stack.
 *
 * Components come out in Tarjan's emission order: a component is emitted only
 * after every component reachable from it. With edges pointing from a node to
 * what it depends on, that is dependency order: evaluate components in order
 * and every input is ready.
 */
export interface Components {
  /** Component number of each node, in emission order. */
  compOf: Int32Array
  /** Members of component c: members[start[c] .. start[c+1]). */
  start: Int32Array
  members: Int32Array
  count: number
}

export function stronglyConnected(n: number, edgeStart: Int32Array, edges: Int32Array): Components {
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  let sp = 0
  // The DFS path, with the next edge to try for each node on it.
  const path = new Int32Array(n)
  const cursor = new Int32Array(n)
  let depth = 0
  const compOf = new Int32Array(n)
  const members = new Int32Array(n)
  const start: number[] = [0]
  let filled = 0
  let counter = 0

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    path[0] = root
    depth = 1
    index[root] = low[root] = counter++
    cursor[root] = edgeStart[root]!
    stack[sp++] = root
    onStack[root] = 1
    while (depth > 0) {
      const v = path[depth - 1]!
      if (cursor[v]! < edgeStart[v + 1]!) {
        const w = edges[cursor[v]!++]!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          cursor[w] = edgeStart[w]!
          stack[sp++] = w
          onStack[w] = 1
          path[depth++] = w
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!
        }
        continue
      }
      // v is finished: close its component if it is a root, then return to the parent.
      if (low[v] === index[v]) {
        const c = start.length - 1
        let w: number
        do {
          w = stack[--sp]!
          onStack[w] = 0
          compOf[w] = c
          members[filled++] = w
        } while (w !== v)
        start.push(filled)
      }
      depth--
      if (depth > 0) {
        const parent = path[depth - 1]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
    }
  }
  return { compOf, start: Int32Array.from(start), members, count: start.length - 1 }
}
