import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { parseArgdown, parseCruxJson, serializeAif, serializeArgdown, serializeCruxJson } from '@/core/convert'
import { addNode, bindAuthors, localOrigin, readCredits, readGraph } from '@/core/ydoc'

/** [PA1] Exports carry who wrote what: AIF participants, Argdown data, Crux JSON credits. */
function authoredDoc() {
  const doc = new Y.Doc()
  bindAuthors(doc, [doc.clientID], { userId: 'u-ann', name: 'Ann Lee', color: '#336699', group: 'Red' }, localOrigin())
  addNode(doc, { id: 's-ann-claim', kind: 'claim', text: 'Ann claims', x: 0, y: 0, pinned: false }, localOrigin())
  return doc
}

test('[PA1] Crux JSON carries credits; importing reads the map as before', () => {
  const doc = authoredDoc()
  const text = serializeCruxJson(readGraph(doc), readCredits(doc))
  const file = JSON.parse(text)
  expect(file.credits.people).toEqual([{ userId: 'u-ann', name: 'Ann Lee', color: '#336699', group: 'Red' }])
  expect(file.credits.records['s-ann-claim'].createdBy).toBe('u-ann')
  const back = parseCruxJson(text)
  expect(back.ok && back.map).toEqual(readGraph(doc))
})

test('[PA1] AIF lists authors as participants and names them on the I-nodes they wrote', () => {
  const doc = authoredDoc()
  const aif = serializeAif(readGraph(doc), { credits: readCredits(doc) })
  expect(aif.participants).toEqual([{ participantID: '1', firstname: 'Ann', surname: 'Lee' }])
  expect(aif.nodes.find((n) => n.type === 'I')?.crux).toMatchObject({ id: 's-ann-claim', createdBy: '1' })
})

test('[PA1] Argdown carries the author as node data, which an import ignores', () => {
  const doc = authoredDoc()
  const text = serializeArgdown(readGraph(doc), { credits: readCredits(doc) })
  expect(text).toContain('author: "Ann Lee"')
  const back = parseArgdown(text)
  expect(back.ok && back.map.nodes.map((n) => n.text)).toEqual(['Ann claims'])
})
