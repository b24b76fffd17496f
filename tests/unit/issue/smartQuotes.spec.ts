import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { smartQuotes, withSmartQuotes } from '@/issue/smartQuotes'

describe('smartQuotes', () => {
  it.each([
    [`"Together towards a Sustainable Future"`, '“Together towards a Sustainable Future”'],
    [`Korea's "soft power", they said.`, 'Korea’s “soft power”, they said.'],
    [`He called it 'all trade and no talk' in the '90s.`, 'He called it ‘all trade and no talk’ in the ’90s.'],
    [`don't, won't, Hải Phòng's`, 'don’t, won’t, Hải Phòng’s'],
    [`("quoted")`, '(“quoted”)'],
    [`the 'Mekong–Han River Forum'—"demo"`, 'the ‘Mekong–Han River Forum’—“demo”'],
    [`She said: "It's 'hers'."`, 'She said: “It’s ‘hers’.”'],
  ])('%s', (input, expected) => {
    expect(smartQuotes(input)).toBe(expected)
  })

  it('leaves web and mail addresses as typed', () => {
    const text = `See https://example.org/a'bc?x='1' and o'brien@example.org, 'then' stop.`
    expect(smartQuotes(text)).toBe(`See https://example.org/a'bc?x='1' and o'brien@example.org, ‘then’ stop.`)
  })

  it('reads a quote at the start of a run after the run before it', () => {
    expect(smartQuotes(`" said`, 'd')).toBe('” said')
    expect(smartQuotes(`"Hello`, ' ')).toBe('“Hello')
  })
})

describe('withSmartQuotes on a model', () => {
  it('curls prose everywhere, across runs, and leaves links, ids and paths alone', () => {
    const model = {
      id: "it's-an-id",
      title: `Korea's "year"`,
      body: [
        {
          type: 'paragraph',
          runs: [{ text: 'He wrote "' }, { text: 'Tuổi Trẻ', italic: true }, { text: `" and 'more'.` }, { text: 'https://x.org/a\'b', href: 'https://x.org/a\'b' }],
        },
        { type: 'list', ordered: false, items: [[{ text: `"a"` }]] },
      ],
      paragraphs: [`the "demo" entry`],
      printPath: "/tmp/o'neil.jpg",
    }
    const out = withSmartQuotes(model)
    expect(out.id).toBe(model.id)
    expect(out.printPath).toBe(model.printPath)
    expect(out.title).toBe('Korea’s “year”')
    expect(out.body[0].runs?.map((r) => r.text)).toEqual(['He wrote “', 'Tuổi Trẻ', '” and ‘more’.', 'https://x.org/a\'b'])
    expect(out.body[1].items?.[0][0].text).toBe('“a”')
    expect(out.paragraphs[0]).toBe('the “demo” entry')
  })
})

const ADDRESS = /https?:\/\/\S+|\S+@\S+/g
const prose = fc.stringMatching(/^[A-Za-z0-9 ,.;:!?()\-–—'"ễ]{0,60}$/)
const url = fc.webUrl({ withQueryParameters: true, withFragments: true })
const text = fc.array(fc.oneof(prose, url.map((u) => ` ${u} `)), { maxLength: 5 }).map((parts) => parts.join(''))

describe('smartQuotes properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(text, (t) => smartQuotes(smartQuotes(t)) === smartQuotes(t)))
  })

  it('leaves no straight quote in prose, and changes nothing but quotes', () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = smartQuotes(t)
        expect(out.length).toBe(t.length)
        expect(out.replace(ADDRESS, '')).not.toMatch(/["']/)
        for (let i = 0; i < t.length; i++) {
          if (out[i] !== t[i]) expect(`${t[i]}${out[i]}`).toMatch(/^("[“”]|'[‘’])$/)
        }
      }),
    )
  })

  it('leaves web addresses untouched', () => {
    fc.assert(fc.property(prose, url, prose, (a, u, b) => smartQuotes(`${a} ${u} ${b}`).includes(` ${u} `)))
  })
})
