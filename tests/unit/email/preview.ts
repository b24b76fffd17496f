/**
 * Writes a sample newsletter for looking at: `npx tsx tests/unit/email/preview.ts [dir]`
 * (default /tmp) -> newsletter-sample.html and newsletter-sample.txt. Not a test.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderNewsletter } from '@/render/email'
import { LINKS, makeTestModel } from './model'

const dir = process.argv[2] ?? '/tmp'
const { subject, html, text } = await renderNewsletter(
  makeTestModel(),
  { email: 'kim.minji@example.net', name: 'Kim Minji' },
  LINKS,
)
writeFileSync(path.join(dir, 'newsletter-sample.html'), html)
writeFileSync(path.join(dir, 'newsletter-sample.txt'), text)
console.log(`${subject}\nhtml ${Buffer.byteLength(html)} bytes, text ${Buffer.byteLength(text)} bytes -> ${dir}`)
