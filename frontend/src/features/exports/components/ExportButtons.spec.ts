import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mountWithApp } from '@/test/mount'
import ExportButtons from './ExportButtons.vue'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function stubDownload() {
  const clicked: Array<{ href: string; download: string }> = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download })
  })
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: () => undefined }))
  return clicked
}

describe('ExportButtons', () => {
  it('downloads the file of the current filters under its Chinese name', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('\ufeff红名单\r\n', {
          status: 200,
          headers: {
            'content-disposition': `attachment; filename="red-list-2026-12-03.csv"; filename*=UTF-8''${encodeURIComponent('红名单_2026-12-03.csv')}`,
          },
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const clicked = stubDownload()
    const { wrapper } = await mountWithApp(ExportButtons, {
      props: { source: 'red-list', params: { district: 'sy-d1', search: '' } },
    })

    expect(wrapper.get('[data-test="export-xlsx"]').text()).toBe('导出 Excel')
    await wrapper.get('[data-test="export-csv"]').trigger('click')
    await flushPromises()

    expect(fetch).toHaveBeenCalledWith('/export/red-list.csv?district=sy-d1', { credentials: 'same-origin' })
    expect(clicked).toEqual([{ href: 'blob:export', download: '红名单_2026-12-03.csv' }])
  })

  it('tells a refusal in words and downloads nothing', async () => {
    const body = JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 429 })))
    const clicked = stubDownload()
    const { wrapper } = await mountWithApp(ExportButtons, { props: { source: 'red-list' } })

    await wrapper.get('[data-test="export-xlsx"]').trigger('click')
    await flushPromises()

    expect(clicked).toEqual([])
    expect(document.body.textContent).toContain('导出失败：查询过于频繁，请稍后再试')
  })
})
