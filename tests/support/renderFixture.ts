/**
 * Renders the fixture issue in a process of its own (tsx tests/support/renderFixture.ts
 * <store folder or "none"> <out.pdf>), keeping shaped text in the store folder, and prints
 * how many strings it shaped and how many it took from the store, as JSON.
 */
import fs from 'node:fs'
import path from 'node:path'

import { renderIssuePdf } from '@/render/pdf'
import { shapingCounts } from '@/render/pdf/fonts'
import { keepShapedTextIn } from '@/render/pdf/shapingStore'
import { makeIssueModel } from '../fixtures/issueModel'

const [store, out] = process.argv.slice(2)
keepShapedTextIn(store === 'none' ? undefined : store)
const model = await makeIssueModel(path.join(path.dirname(out), 'images'))
const { pdf } = await renderIssuePdf(model, { cache: false })
fs.writeFileSync(out, pdf)
process.stdout.write(`${JSON.stringify(shapingCounts)}\n`)
