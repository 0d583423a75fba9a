import { fileURLToPath } from 'node:url'
import { signIn } from './console'
import { expect, test } from './fixtures'

// The administrator's screens. Desktop only: they change the shared demo data.
const ONCE = { tag: '@desktop-only' }
test.describe.configure({ timeout: 60_000 })
const EXAMPLE_XLSX = fileURLToPath(new URL('../../docs/import-examples/example.xlsx', import.meta.url))

test('admin: a new API token is shown once with a copy button, then revoked; users and units are listed', ONCE, async ({
  page,
}) => {
  await signIn(page, 'admin')
  const menu = page.getByTestId('console-menu')
  for (const item of ['用户', '单位', 'API 令牌', '审计日志', '批量导入']) {
    await expect(menu.getByText(item, { exact: true })).toBeVisible()
  }
  await expect(menu.getByText('录入信用信息')).toHaveCount(0)

  // Issue a token for the partner agency: the secret is shown once, with a warning.
  await menu.getByText('API 令牌', { exact: true }).click()
  await page.getByTestId('open-create-token').click()
  await page.getByTestId('token-name').fill('E2E 采购核查')
  await page.getByTestId('token-unit').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: /沈阳市政府采购中心/ }).click()
  await page.getByTestId('create-token').click()
  const dialog = page.getByTestId('token-secret-dialog')
  await expect(dialog).toContainText('令牌只显示这一次')
  await expect(page.getByTestId('token-secret')).toHaveValue(/^cst_/)
  await expect(page.getByTestId('copy-token')).toBeVisible()
  await page.getByTestId('token-saved').click()
  await expect(dialog).toBeHidden()
  const row = page.getByTestId('tokens-table').locator('tr').filter({ hasText: 'E2E 采购核查' })
  await expect(row).toContainText('有效')
  await expect(page.getByText(/cst_[A-Za-z0-9_-]{20,}/)).toHaveCount(0)

  await row.getByRole('button', { name: '吊销' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '吊销' }).click()
  await expect(row).toContainText('已吊销')

  // Create a user, with the server's field error first (the username is taken).
  await menu.getByText('用户', { exact: true }).click()
  await page.getByTestId('open-create-user').click()
  const create = page.getByTestId('user-create-dialog')
  await page.getByTestId('new-username').fill('officer.heping')
  await page.getByTestId('new-display-name').fill('E2E 民警')
  await page.getByTestId('new-password').fill('E2E#password-2026')
  await page.getByTestId('new-role').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '分局民警' }).click()
  await page.getByTestId('new-unit').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: /铁西区分局/ }).click()
  await page.getByTestId('create-user').click()
  await expect(create.locator('.el-form-item.is-error')).toContainText('用户名已存在')
  await page.getByTestId('new-username').fill('e2e.officer')
  await page.getByTestId('create-user').click()
  await expect(create).toBeHidden()
  const user = page.getByTestId('users-table').locator('tr').filter({ hasText: 'e2e.officer' })
  await expect(user).toContainText('启用')
  await page.getByTestId('toggle-e2e.officer').click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await expect(user).toContainText('已停用')

  await menu.getByText('单位', { exact: true }).click()
  await expect(page.getByTestId('units-table')).toContainText('沈阳市公安局和平区分局')

  // Every step is in the audit log.
  await menu.getByText('审计日志', { exact: true }).click()
  await page.getByTestId('filter-action').click()
  await page.getByRole('option', { name: '停用/启用用户' }).click()
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('audit-action').first()).toHaveText('停用/启用用户')
})

test('bulk import: a dry run shows what would be written, then the import writes it', ONCE, async ({ page }) => {
  await signIn(page, 'admin', '/console/import')
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(EXAMPLE_XLSX)
  await expect(page.getByTestId('import-confirm')).toBeDisabled()
  await page.getByTestId('import-dry-run').click()
  await expect(page.getByTestId('import-summary')).toContainText('新增信用信息')
  await expect(page.getByText('检查通过')).toBeVisible()
  await page.getByTestId('import-confirm').click()
  await expect(page.getByText('导入完成').first()).toBeVisible()

  // A file with a bad row: each error with its line and column, nothing written.
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
    name: 'bad.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from('{"kind": "subject", "subject_kind": "ENTERPRISE", "uscc": "91110000600037341X", "name": "错误代码"}\n'),
  })
  await page.getByTestId('import-dry-run').click()
  const errors = page.getByTestId('import-errors')
  await expect(errors).toBeVisible()
  await expect(errors.locator('tbody tr').first()).toContainText('1')
  await expect(page.getByTestId('import-confirm')).toBeDisabled()
})

test('admin: the policies and their versioned parameters are listed', ONCE, async ({ page }) => {
  await signIn(page, 'admin')
  await page.getByTestId('console-menu').getByText('政策参数', { exact: true }).click()
  const table = page.getByTestId('policies-table')
  await expect(table).toContainText('沈公发〔2018〕4号')
  await expect(table).toContainText('舞公〔2021〕394号')
  await expect(table.getByRole('button', { name: '发布新版本' })).toHaveCount(2)
})
