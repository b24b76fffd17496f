/**
 * Colours and type for the newsletter. Every colour is set explicitly (bgcolor and color)
 * and is mid-contrast, so clients that invert colours in dark mode (Gmail apps, Outlook)
 * still produce readable text; clients that honour prefers-color-scheme get DARK_CSS.
 */
export const colors = {
  page: '#ECEFF3',
  card: '#FFFFFF',
  ink: '#1E2A36',
  muted: '#56636F',
  rule: '#D5DCE3',
  band: '#17324D',
  bandInk: '#FFFFFF',
  bandMuted: '#C4D3E2',
  accent: '#A4262C',
  link: '#1D5C96',
  tint: '#F4F6F8',
} as const

// Hangul and Vietnamese fall back to system fonts that cover them.
export const fonts = {
  serif: "Georgia, 'Times New Roman', 'Noto Serif KR', 'Apple SD Gothic Neo', 'Malgun Gothic', serif",
  sans: "Arial, Helvetica, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', sans-serif",
} as const

/**
 * Class hooks: dark mode (Apple Mail, iOS Mail, Outlook.com via [data-ogsc]) and phone
 * layout. Inline styles carry the light design; these only override.
 */
export const HEAD_CSS = `
:root{color-scheme:light dark;supported-color-schemes:light dark}
body{margin:0;padding:0;-webkit-text-size-adjust:100%}
a{color:${colors.link}}
@media only screen and (max-width:620px){
.bp-wrap{width:100%!important}
.bp-pad{padding-left:20px!important;padding-right:20px!important}
.bp-stack{display:block!important;width:100%!important;padding-left:0!important;padding-right:0!important}
.bp-photo{width:100%!important;max-width:100%!important;height:auto!important}
.bp-h1{font-size:24px!important;line-height:30px!important}
.bp-title{font-size:30px!important}
.bp-day{width:64px!important}
}
@media (prefers-color-scheme:dark){
.bp-page{background-color:#12161B!important}
.bp-card{background-color:#1B2129!important}
.bp-tint{background-color:#232A33!important}
.bp-ink{color:#E6EAEE!important}
.bp-muted{color:#AEB8C2!important}
.bp-link{color:#8FC3F0!important}
.bp-rule{border-color:#38424D!important}
.bp-accent{color:#E8868B!important}
.bp-band{background-color:#0D1F33!important}
.bp-btn{background-color:#2B5F8F!important;border-color:#2B5F8F!important}
.bp-outline{border-color:#8FC3F0!important}
}
[data-ogsc] .bp-ink{color:#E6EAEE!important}
[data-ogsc] .bp-muted{color:#AEB8C2!important}
[data-ogsc] .bp-link{color:#8FC3F0!important}
[data-ogsc] .bp-accent{color:#E8868B!important}
[data-ogsb] .bp-page{background-color:#12161B!important}
[data-ogsb] .bp-card{background-color:#1B2129!important}
[data-ogsb] .bp-tint{background-color:#232A33!important}
`
  .trim()
  .replace(/\n/g, '')
