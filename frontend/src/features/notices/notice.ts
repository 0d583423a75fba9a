/**
 * A notice body (plain text from the server: an addressee line, indented paragraphs, a
 * blank line, then the issuing unit and the date) split for an A4 layout.
 */
export interface NoticeLayout {
  addressee: string
  paragraphs: string[]
  signature: string[]
}

export function layoutNotice(body: string): NoticeLayout {
  const lines = body.replace(/\r\n/g, '\n').split('\n')
  const lastBlank = lines.lastIndexOf('')
  const main = lastBlank >= 0 ? lines.slice(0, lastBlank) : lines
  const signature = lastBlank >= 0 ? lines.slice(lastBlank + 1).filter((l) => l.trim()) : []
  const [first = '', ...rest] = main
  const addressee = /[：:]$/.test(first.trim()) ? first.trim() : ''
  const content = addressee ? rest : main
  // A line indented with four spaces starts a paragraph; deeper lines (numbered items) follow it.
  const paragraphs: string[] = []
  for (const line of content) {
    if (/^ {4}\S/.test(line) || paragraphs.length === 0) paragraphs.push(line.trim())
    else paragraphs[paragraphs.length - 1] += `\n${line.trim()}`
  }
  return { addressee, paragraphs: paragraphs.filter((p) => p), signature }
}
