import sharp from 'sharp'

/**
 * Demo images are drawn by the code (no downloads): a coloured field with simple shapes
 * and a label, rendered from SVG by sharp at a print-worthy size.
 */
export interface DemoImageSpec {
  name: string
  label: string
  width: number
  height: number
  hue: number
  kind: 'photo' | 'cover' | 'poster'
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function demoImageSvg(spec: DemoImageSpec): string {
  const { width: w, height: h, hue } = spec
  const bg = `hsl(${hue},45%,${spec.kind === 'cover' ? 28 : 62}%)`
  const fg = `hsl(${(hue + 40) % 360},55%,${spec.kind === 'cover' ? 80 : 35}%)`
  const shapes =
    spec.kind === 'photo'
      ? Array.from({ length: 5 }, (_, k) => {
          const cx = Math.round(((k + 1) * w) / 6)
          const cy = Math.round(h * 0.55)
          return `<circle cx="${cx}" cy="${cy - h * 0.12}" r="${Math.round(h * 0.08)}" fill="${fg}"/><rect x="${cx - h * 0.09}" y="${cy - h * 0.02}" width="${h * 0.18}" height="${h * 0.35}" rx="${h * 0.05}" fill="${fg}"/>`
        }).join('')
      : `<rect x="${w * 0.1}" y="${h * 0.12}" width="${w * 0.8}" height="${h * 0.02}" fill="${fg}"/><rect x="${w * 0.1}" y="${h * 0.86}" width="${w * 0.8}" height="${h * 0.02}" fill="${fg}"/>`
  const fontSize = Math.round(Math.min(w, h) / (spec.kind === 'photo' ? 16 : 11))
  const lines = spec.label.split('\n')
  const text = lines
    .map(
      (line, k) =>
        `<text x="50%" y="${(spec.kind === 'photo' ? 0.9 : 0.4) * h + k * fontSize * 1.3}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" font-weight="bold" fill="${spec.kind === 'cover' ? fg : '#fff'}" text-anchor="middle">${escapeXml(line)}</text>`,
    )
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${bg}"/>${shapes}${text}</svg>`
}

export async function renderDemoImage(spec: DemoImageSpec): Promise<Buffer> {
  return sharp(Buffer.from(demoImageSvg(spec))).jpeg({ quality: 85 }).toBuffer()
}
