import { describe, expect, it } from 'vitest'

import { allowedLinkUrl, isAllowedLink, linkKind } from '@/issue/links'
import { lexicalToBlocks } from '@/issue/lexical'

describe('which links readers may follow', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    [' javascript:alert(1)'],
    ['\tjavascript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['DATA:text/html;base64,PHNjcmlwdD4='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['/admin/collections/users'],
    ['issues/demo'],
    ['../secret'],
    ['#top'],
    ['?q=1'],
    ['//evil.example/x'],
    ['https://'],
    [''],
    ['   '],
  ])('refuses %j', (href) => {
    expect(isAllowedLink(href)).toBe(false)
    expect(allowedLinkUrl(href)).toBeUndefined()
  })

  it.each([
    ['https://example.org/korea-centre', 'https://example.org/korea-centre'],
    ['http://example.org', 'http://example.org'],
    ['HTTPS://EXAMPLE.ORG/A', 'HTTPS://EXAMPLE.ORG/A'],
    ['mailto:koreacentre@example.edu', 'mailto:koreacentre@example.edu'],
    ['  https://example.org/padded  ', 'https://example.org/padded'],
  ])('keeps %j as %j', (href, kept) => {
    expect(allowedLinkUrl(href)).toBe(kept)
  })

  it('says what kind of address a refused link is', () => {
    expect(linkKind(' JavaScript:alert(1)')).toBe('javascript:')
    expect(linkKind('java\tscript:x')).toBe('javascript:')
    expect(linkKind('data:text/html,x')).toBe('data:')
    expect(linkKind('/admin')).toBe('a relative address')
    expect(linkKind('//evil.example')).toBe('a protocol-relative address')
  })
})

describe('rich text entering the IssueModel', () => {
  it('keeps the text of a refused link, drops the link, and reports it', () => {
    const refused: string[] = []
    const doc = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [{ type: 'text', text: 'click me', format: 1 }] },
              { type: 'text', text: ' or ' },
              { type: 'autolink', fields: { url: 'https://example.org' }, children: [{ type: 'text', text: 'this' }] },
            ],
          },
        ],
      },
    }
    const [block] = lexicalToBlocks(doc, () => undefined, (href) => refused.push(href))
    expect(block).toEqual({
      type: 'paragraph',
      runs: [{ text: 'click me', bold: true }, { text: ' or ' }, { text: 'this', href: 'https://example.org' }],
    })
    expect(refused).toEqual(['javascript:alert(1)'])
  })
})
