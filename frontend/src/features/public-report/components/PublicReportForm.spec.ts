import { afterEach, describe, expect, it, vi } from 'vitest'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import PublicReportForm from './PublicReportForm.vue'

const USCC = '91110000600037341L'

afterEach(() => vi.unstubAllGlobals())

/** Element Plus shows a form item's error 100 ms after it is set (debounced). */
async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

async function mountForm() {
  const { wrapper } = await mountWithApp(PublicReportForm, { props: { uscc: USCC } })
  return wrapper
}

const errorOf = (wrapper: Awaited<ReturnType<typeof mountForm>>, field: string) =>
  wrapper.find(`[data-field="${field}"] .el-form-item__error`).text()

describe('PublicReportForm', () => {
  it('puts each payload error on the field it names, the rest above the form', async () => {
    const { calls } = stubGraphQL({
      PublicReportFile: () => ({
        data: {
          publicReportFile: {
            acknowledgementNo: null,
            errors: [
              { field: 'content', message: '举报内容不超过5000字', code: 'INVALID' },
              { field: 'reporterContact', message: '姓名或联系方式过长', code: 'INVALID' },
              { field: null, message: '提交过于频繁，请60分钟后再试', code: 'RATE_LIMITED' },
            ],
          },
        },
      }),
    })
    const wrapper = await mountForm()
    await wrapper.get('[data-test="report-content"]').setValue('某公司在某小区违规安装监控')
    await wrapper.get('[data-test="report-contact"]').setValue('13800000000')
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(calls).toHaveLength(1)
    expect(calls[0]?.variables).toMatchObject({
      uscc: USCC,
      content: '某公司在某小区违规安装监控',
      reporterName: '',
      reporterContact: '13800000000',
      evidence: null,
    })
    expect(errorOf(wrapper, 'content')).toBe('举报内容不超过5000字')
    expect(errorOf(wrapper, 'reporterContact')).toBe('姓名或联系方式过长')
    expect(wrapper.find('[data-field="uscc"] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.get('[data-test="form-error"]').text()).toContain('提交过于频繁')
    expect(wrapper.emitted('filed')).toBeUndefined()
  })

  it('checks the code and the content before sending anything', async () => {
    const { fetchMock } = stubGraphQL({})
    const wrapper = await mountForm()
    await wrapper.get('[data-test="report-uscc"]').setValue('91110000600037341A')
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(fetchMock).not.toHaveBeenCalled()
    expect(errorOf(wrapper, 'uscc')).toBe('校验码错误：第18位应为“L”')
    expect(errorOf(wrapper, 'content')).toBe('请填写举报内容')
  })

  it('emits the acknowledgement number and the query code when the report is filed', async () => {
    stubGraphQL({ PublicReportFile: () => ({ data: { publicReportFile: { acknowledgementNo: 'JB20261122-0007', queryCode: 'K7M2P9QX4HTA', errors: [] } } }) })
    const wrapper = await mountForm()
    await wrapper.get('[data-test="report-content"]').setValue('内容')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.emitted('filed')).toEqual([['JB20261122-0007', 'K7M2P9QX4HTA']])
  })
})
