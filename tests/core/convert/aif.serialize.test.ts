import { describe, expect, test } from 'vitest'
import { serializeAif } from '@/core/convert/aif'
import { ArgumentMapSchema } from '@/core/graph'
import { json } from './aifFixtures'

describe('serializeAif', () => {
  const map = ArgumentMapSchema.parse(json('golden-map.json'))

  test('matches the checked-in golden AIF (deterministic ids, fixed timestamp)', () => {
    expect(serializeAif(map, { timestamp: '2024-01-01 12:00:00' })).toEqual(json('golden-map.aif.json'))
  })

  test('the same map in any order serializes identically', () => {
    const shuffled = { ...map, nodes: [...map.nodes].reverse(), relations: [...map.relations].reverse() }
    expect(serializeAif(shuffled)).toEqual(serializeAif(map))
  })

  test('support → RA, attack → CA, undercut → CA aimed at the RA; edges carry fromID/toID', () => {
    const aif = serializeAif(map)
    const byCrux = (id: string) => aif.nodes.find((n) => n.crux?.id === id)!
    const edge = (from: string, to: string) => aif.edges.some((e) => e.fromID === from && e.toID === to)
    const ra = byCrux('r3')
    expect(ra.type).toBe('RA')
    expect(edge(byCrux('study').nodeID, ra.nodeID) && edge(ra.nodeID, byCrux('air').nodeID)).toBe(true)
    const ca = byCrux('r2')
    expect(ca.type).toBe('CA')
    expect(edge(byCrux('shops').nodeID, ca.nodeID) && edge(ca.nodeID, byCrux('thesis').nodeID)).toBe(true)
    const undercut = byCrux('r4')
    expect(undercut.type).toBe('CA')
    expect(edge(byCrux('wind').nodeID, undercut.nodeID) && edge(undercut.nodeID, ra.nodeID)).toBe(true)
  })

  test('[AF1] evidence: the I-node says the proposition; an L-node with the quote and a locution say who said what', () => {
    const aif = serializeAif(map)
    const study = aif.nodes.find((n) => n.crux?.id === 'study')!
    expect(study.text).toBe('City air-quality report, 2023')
    const anchor = aif.edges.find((e) => e.toID === study.nodeID)!
    const ya = aif.nodes.find((n) => n.nodeID === anchor.fromID)!
    expect(ya.type).toBe('YA')
    const lId = aif.edges.find((e) => e.toID === ya.nodeID)!.fromID
    expect(aif.nodes.find((n) => n.nodeID === lId)!.text).toBe(
      'Dr. Ana Ruiz : Road traffic accounts for 61% of NO2 measured in the centre.',
    )
    expect(ya).toMatchObject({ text: 'Asserting', scheme: 'Asserting', schemeID: '74' })
    const loc = aif.locutions.find((l) => l.nodeID === lId)!
    expect(aif.participants.find((p) => p.participantID === loc.personID)).toEqual({
      participantID: loc.personID,
      firstname: 'Dr.',
      surname: 'Ana Ruiz',
    })
  })

  test('a Date timestamp is written in AIFdb format, UTC', () => {
    const aif = serializeAif(map, { timestamp: new Date(Date.UTC(2024, 1, 3, 4, 5, 6)) })
    expect(new Set(aif.nodes.map((n) => n.timestamp))).toEqual(new Set(['2024-02-03 04:05:06']))
  })
})
