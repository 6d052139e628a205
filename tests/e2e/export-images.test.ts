import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, inject, test } from 'vitest'
import { browserPerFile } from './support/browser'
import { newPerson, openAsGuest } from './support/accounts'
import { waitForState } from './support/editor'

/**
 * PNG and SVG images of a map, as a reader downloads them from the editor's Export menu, while someone else
 * is on the map with their cursor over it and a node selected. The SVG is a vector drawing (paths and
 * text, no foreignObject) that a renderer other than the browser (librsvg) draws like the PNG; neither
 * shows the other person's cursor, name tag or selection, nor any connection handle.
 */
const RSVG = '/usr/bin/rsvg-convert'

describe('image export', () => {
  const baseURL = inject('baseURL')
  const run = browserPerFile()

  async function openSeedMap(name: string): Promise<{ page: Page; mapId: string }> {
    const person = await newPerson(run.browser, baseURL, name)
    run.keep(person)
    const { page } = person
    await page.goto('/')
    const href = await page
      .getByTestId('map-link')
      .filter({ hasText: /^No grey zones$/ })
      .getAttribute('href')
    const mapId = href!.split('/').pop()!
    await openAsGuest(page, mapId, person.name)
    await waitForState(page, 'connected')
    await page.getByTestId('node-badge').first().waitFor()
    return { page, mapId }
  }

  /** Clicks an image export and returns the downloaded file's bytes. */
  async function exportImage(page: Page, format: 'png' | 'svg'): Promise<Buffer> {
    const menu = page.getByTestId('export-menu')
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()])
    expect(download.suggestedFilename()).toBe(`no-grey-zones.${format}`)
    return fs.readFileSync((await download.path())!)
  }

  /** Mean absolute difference of two images (0–255), both scaled to 96×96 in the page. */
  async function imageDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
    return page.evaluate(
      async ([first, second]) => {
        const pixels = async (b64: string) => {
          const img = new Image()
          img.src = `data:image/png;base64,${b64}`
          await img.decode()
          const c = document.createElement('canvas')
          c.width = c.height = 96
          const ctx = c.getContext('2d')!
          ctx.fillStyle = '#fff'
          ctx.fillRect(0, 0, 96, 96)
          ctx.drawImage(img, 0, 0, 96, 96)
          return ctx.getImageData(0, 0, 96, 96).data
        }
        const [p, q] = await Promise.all([pixels(first!), pixels(second!)])
        let sum = 0
        for (let i = 0; i < p.length; i += 4) for (let k = 0; k < 3; k++) sum += Math.abs(p[i + k]! - q[i + k]!)
        return sum / ((p.length / 4) * 3)
      },
      [a.toString('base64'), b.toString('base64')],
    )
  }

  test('SVG and PNG show the map only, the SVG is a vector drawing, and librsvg draws it like the PNG', async () => {
    if (!fs.existsSync(RSVG)) throw new Error(`This test needs ${RSVG}: run \`apt-get install -y librsvg2-bin\``)
    const { page } = await openSeedMap('Exporter')
    const other = await openSeedMap('Watcher Quill')
    // The other person's cursor sits over the map and one node is selected on their screen.
    const firstNode = other.page.locator('.react-flow__node').first()
    await firstNode.click()
    const box = (await other.page.locator('.react-flow__pane').boundingBox())!
    await other.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await other.page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10)
    await page.getByTestId('remote-cursor').first().waitFor()
    await expect.poll(() => page.locator('.crux-cursor-name').allTextContents()).toContain('Watcher Quill')

    const texts = await page.locator('.crux-node-text').allTextContents()
    const nodeCount = await page.locator('.react-flow__node').count()
    const svg = (await exportImage(page, 'svg')).toString('utf8')
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg /)
    expect(svg).not.toMatch(/foreignObject|<div|<span|xhtml/i)
    expect(svg.match(/<g id="node-/g)?.length).toBe(nodeCount)
    for (const text of texts) {
      const word = text.split(/\s+/).find((w) => w.length > 5 && /^[\p{L}]+$/u.test(w))
      if (word) expect(svg).toContain(word)
    }
    expect(svg).toMatch(/stroke-dasharray="8 5"/) // attacks are dashed in the drawing at any zoom
    expect(svg).not.toContain('Watcher Quill') // no remote name tag
    expect(svg).not.toMatch(/react-flow__handle|crux-cursor|selected/)

    const png = await exportImage(page, 'png')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]
    const [, svgWidth, svgHeight] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number)
    // The PNG is the same drawing at twice the size, capped at 8,192 px a side (components/interchange/canvasImage.ts).
    const zoom = Math.min(2, 8192 / Math.max(svgWidth!, svgHeight!))
    expect(width).toBe(Math.round(zoom * svgWidth!))
    expect(height).toBe(Math.round(zoom * svgHeight!))

    const byLibrsvg = execFileSync(RSVG, ['--format', 'png', '--width', String(width), '--height', String(height)], {
      input: svg,
      maxBuffer: 64 * 1024 * 1024,
    })
    expect([byLibrsvg.readUInt32BE(16), byLibrsvg.readUInt32BE(20)]).toEqual([width, height])
    // Text renders with slightly different fonts, so the images are near, not equal; a blank or
    // different drawing is far (white against this map differs by some tens).
    const difference = await imageDifference(page, png, byLibrsvg)
    expect(difference).toBeLessThan(6)
    const white = `<svg xmlns="http://www.w3.org/2000/svg" width="${svgWidth}" height="${svgHeight}"><rect width="100%" height="100%" fill="#fff"/></svg>`
    const blank = execFileSync(RSVG, ['--format', 'png', '--width', String(width), '--height', String(height)], {
      input: white,
    })
    const fromBlank = await imageDifference(page, png, blank)
    console.info(
      `[export] ${width}x${height} PNG; mean difference from librsvg's rendering ${difference.toFixed(2)}, from a blank image ${fromBlank.toFixed(2)} (0-255)`,
    )
    expect(fromBlank).toBeGreaterThan(difference * 2)
  })

  test('an image can be made however far the canvas is zoomed out, with attacks still dashed', async () => {
    const { page } = await openSeedMap('Far exporter')
    const pane = page.locator('.react-flow__pane')
    const box = (await pane.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let i = 0; i < 12 && (await page.locator('.crux-canvas.is-far').count()) === 0; i++)
      await page.mouse.wheel(0, 600)
    await page.locator('.crux-canvas.is-far').waitFor()
    const far = (await exportImage(page, 'svg')).toString('utf8')
    expect(far).toMatch(/stroke-dasharray="8 5"/)
    expect(far.match(/<g id="node-/g)?.length).toBe(await page.locator('.react-flow__node').count())
    // The canvas itself stays in its far view.
    expect(await page.locator('.crux-canvas.is-far').count()).toBe(1)
  })
})
