import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { escapeMarkdown, serializeMarkdownOutline } from '@/core/convert/markdown'
import { ArgumentMapSchema, type ArgumentMap } from '@/core/graph'
import { arbText, arbValidMap } from './arbitraries'

const goldenMap = () =>
  ArgumentMapSchema.parse(
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/aif/golden-map.json'), 'utf8')),
  )

/** What a CommonMark reader sees after backslash escapes. */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1')

describe('serializeMarkdownOutline', () => {
  test('golden map', () => {
    expect(serializeMarkdownOutline(goldenMap())).toBe(
      [
        '# Should the city ban cars downtown?',
        '',
        '- <a id="node-thesis"></a>**Claim:** The city should ban cars downtown.',
        '  - <a id="node-air"></a>**Supports:** Cars are the main source of downtown air pollution.',
        '    - <a id="node-study"></a>**Supports:** City air-quality report, 2023',
        '      > “Road traffic accounts for 61% of NO2 measured in the centre.” — Dr. Ana Ruiz (Air report 2023)',
        '      - <a id="node-wind"></a>**Undercuts:** The report was measured during an unusually windless winter.',
        '  - <a id="node-shops"></a>**Attacks:** Shops would lose customers who drive in.',
        '    - <a id="node-q1"></a>**Attacks:** What do shop owners in pedestrian zones report?',
        '',
      ].join('\n'),
    )
  })

  test('a repeat links back to the full entry', () => {
    const map: ArgumentMap = {
      title: 'Shared',
      nodes: ['a', 'b', 'p'].map((id) => ({ id, kind: 'claim', text: `text ${id}`, x: 0, y: 0, pinned: false })),
      relations: [
        { id: 'r1', kind: 'supports', source: 'p', target: 'a' },
        { id: 'r2', kind: 'attacks', source: 'p', target: 'b' },
      ],
      votes: [],
    }
    expect(serializeMarkdownOutline(map)).toContain('  - **Attacks:** [text p](#node-p) (see above)\n')
  })

  test('user text cannot inject HTML, links, headings or list items', () => {
    const map: ArgumentMap = {
      title: 'T # x',
      nodes: [
        {
          id: 'n',
          kind: 'evidence',
          text: '</a><script>alert(1)</script> [click](javascript:x) *b*\n- fake item\n# fake heading',
          quote: 'line one\n\nline two & <b>',
          speaker: '_Eve_',
          x: 0,
          y: 0,
          pinned: false,
        },
      ],
      relations: [],
      votes: [],
    }
    const md = serializeMarkdownOutline(map)
    expect(md).toBe(
      [
        '# T \\# x',
        '',
        '- <a id="node-n"></a>**Evidence:** \\</a\\>\\<script\\>alert(1)\\</script\\> \\[click\\](javascript:x) \\*b\\* - fake item \\# fake heading',
        '  > “line one line two \\& \\<b\\>” — \\_Eve\\_',
        '',
      ].join('\n'),
    )
  })

  test('property: escaping keeps the text (whitespace collapsed) and leaves no live syntax', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const escaped = escapeMarkdown(text)
        expect(unescape(escaped)).toBe(text.replace(/\s+/g, ' ').trim())
        expect(escaped).not.toMatch(/\n/)
        // Every special character is preceded by an odd number of backslashes.
        expect(escaped.replace(/\\[\\`*_[\]<>&~|#]/g, '')).not.toMatch(/[\\`*_[\]<>&~|#]/)
      }),
      { numRuns: 500 },
    )
  })

  test('property: one anchor per node, every line a list item, quote or the heading', () => {
    fc.assert(
      fc.property(arbValidMap(), (map) => {
        const md = serializeMarkdownOutline(map)
        for (const n of map.nodes) expect(md.split(`<a id="node-${n.id}"></a>`)).toHaveLength(2)
        const body = md.trimEnd().split('\n').slice(2)
        for (const line of body) expect(line).toMatch(/^( {2})*(- \S|  > “)/)
      }),
      { numRuns: 200 },
    )
  })
})
