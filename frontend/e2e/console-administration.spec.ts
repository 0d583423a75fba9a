import { choose, signIn } from './console'
import { expect, test } from './fixtures'

// Administration: units, districts, users' role/unit/active, password reset (forced change)
// and one's own password change. Desktop only: they change the shared demo data, on
// accounts and units of their own so that the other scenarios keep theirs.
const ONCE = { tag: '@desktop-only' }
test.describe.configure({ timeout: 90_000 })

test('admin: create, rename, move and deactivate a unit; create, rename and deactivate a district', ONCE, async ({ page }) => {
  await signIn(page, 'admin')
  const menu = page.getByTestId('console-menu')

  await menu.getByText('辖区', { exact: true }).click()
  await page.getByTestId('open-create-district').click()
  await page.getByTestId('district-code').fill('210113')
  await page.getByTestId('district-name').fill('沈北新区')
  await choose(page, page.getByTestId('district-jurisdiction'), '沈阳市')
  await page.getByTestId('create-district').click()
  const district = page.getByTestId('districts-table').locator('tr').filter({ hasText: '210113' })
  await expect(district).toContainText('沈北新区')
  await page.getByTestId('rename-district-210113').click()
  await page.locator('.el-message-box input').fill('沈北新区（试）')
  await page.locator('.el-message-box').getByRole('button', { name: '保存' }).click()
  await expect(district).toContainText('沈北新区（试）')

  await menu.getByText('单位', { exact: true }).click()
  await page.getByTestId('open-create-unit').click()
  await page.getByTestId('unit-code').fill('SY-210113')
  await page.getByTestId('unit-name').fill('沈阳市公安局沈北新区分局')
  await choose(page, page.getByTestId('unit-kind'), '分/县（市）局')
  await choose(page, page.getByTestId('unit-parent'), /沈阳市公安局（SY-CITY）/)
  await choose(page, page.getByTestId('unit-district'), /沈北新区/)
  await page.getByTestId('save-unit').click()
  const unitRow = (code: string) =>
    page.getByTestId('units-table').locator('tr').filter({ has: page.getByRole('cell', { name: code, exact: true }) })
  const unit = unitRow('SY-210113')
  await expect(unit).toContainText('沈阳市公安局沈北新区分局')
  await expect(unit.locator('.el-tag')).toHaveText('启用')

  // A station under it, then moved directly under the city bureau.
  await page.getByTestId('open-create-unit').click()
  await page.getByTestId('unit-code').fill('SY-210113-PS1')
  await page.getByTestId('unit-name').fill('沈北新区道义派出所')
  await choose(page, page.getByTestId('unit-parent'), /沈北新区分局/)
  await page.getByTestId('save-unit').click()
  const station = unitRow('SY-210113-PS1')
  await expect(station).toContainText('沈阳市公安局沈北新区分局')

  // A bureau cannot go under its own station: the server's reason is shown on the field.
  await page.getByTestId('edit-unit-SY-210113').click()
  await choose(page, page.getByTestId('unit-parent'), /道义派出所/)
  await page.getByTestId('save-unit').click()
  await expect(page.getByTestId('unit-dialog').locator('.el-form-item.is-error')).toContainText('不能把单位移到其自身或其下级单位之下')
  await page.getByTestId('unit-dialog').getByRole('button', { name: '取消' }).click()

  await page.getByTestId('edit-unit-SY-210113-PS1').click()
  await page.getByTestId('unit-name').fill('沈北新区道义派出所（更名）')
  await choose(page, page.getByTestId('unit-parent'), /沈阳市公安局（SY-CITY）/)
  await page.getByTestId('save-unit').click()
  await expect(page.getByTestId('unit-dialog')).toBeHidden()
  await expect(station).toContainText('沈北新区道义派出所（更名）')
  await expect(station).not.toContainText('沈阳市公安局沈北新区分局')

  // A unit with active users is never deactivated (nor deleted): the city bureau stays.
  await page.getByTestId('toggle-unit-SY-CITY').click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await expect(page.locator('.el-message--error').filter({ hasText: '单位仍有启用的用户' })).toBeVisible()
  await expect(unitRow('SY-CITY').locator('.el-tag')).toHaveText('启用')
  await page.getByTestId('toggle-unit-SY-210113-PS1').click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await expect(station.locator('.el-tag')).toHaveText('已停用')

  // A district with an active unit cannot be deactivated; after the unit, it can.
  await menu.getByText('辖区', { exact: true }).click()
  await page.getByTestId('toggle-district-210113').click()
  await expect(page.locator('.el-message--error').filter({ hasText: '辖区内仍有启用的单位' })).toBeVisible()
  await menu.getByText('单位', { exact: true }).click()
  await page.getByTestId('toggle-unit-SY-210113').click()
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await expect(unit.locator('.el-tag')).toHaveText('已停用')
  await menu.getByText('辖区', { exact: true }).click()
  await page.getByTestId('toggle-district-210113').click()
  await expect(district.locator('.el-tag')).toHaveText('已停用')
})

test('admin: edit a user, reset a password (forced change at sign-in); the last administrator stays', ONCE, async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin')
  const menu = page.getByTestId('console-menu')
  await menu.getByText('用户', { exact: true }).click()

  // The only administrator cannot deactivate itself.
  await page.getByTestId('edit-admin').click()
  await page.getByTestId('edit-active').click()
  await page.getByTestId('save-user').click()
  await expect(page.getByTestId('user-edit-error')).toContainText('最后一个启用的系统管理员')
  await page.getByTestId('user-edit-dialog').getByRole('button', { name: '取消' }).click()

  // A new officer, then moved and renamed.
  await page.getByTestId('open-create-user').click()
  await page.getByTestId('new-username').fill('e2e.reset')
  await page.getByTestId('new-display-name').fill('E2E 重置')
  await page.getByTestId('new-password').fill('E2E#first-2026')
  await choose(page, page.getByTestId('new-role'), '分局民警')
  await choose(page, page.getByTestId('new-unit'), /铁西区分局/)
  await page.getByTestId('create-user').click()
  const row = page.getByTestId('users-table').locator('tr').filter({ hasText: 'e2e.reset' })
  await page.getByTestId('edit-e2e.reset').click()
  await page.getByTestId('edit-display-name').fill('E2E 重置（浑南）')
  await choose(page, page.getByTestId('edit-unit'), /浑南区分局/)
  await page.getByTestId('save-user').click()
  await expect(row).toContainText('E2E 重置（浑南）')
  await expect(row).toContainText('沈阳市公安局浑南区分局')

  // Reset the password: the user must change it at the next sign-in.
  await page.getByTestId('reset-e2e.reset').click()
  await page.getByTestId('reset-password').fill('Temp#password-1')
  await page.getByTestId('confirm-reset').click()
  await expect(row).toContainText('待修改密码')

  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const user = await context.newPage()
  await user.goto('/console/login')
  await user.getByTestId('username').fill('e2e.reset')
  await user.getByTestId('password').fill('Temp#password-1')
  await user.getByTestId('sign-in').click()
  await expect(user.getByTestId('password-forced')).toBeVisible()
  await expect(user).toHaveURL(/\/console\/password/)
  // Nothing else opens until the password is changed.
  await user.goto('/console/subjects')
  await expect(user).toHaveURL(/\/console\/password/)
  await user.getByTestId('current-password').fill('Temp#password-1')
  await user.getByTestId('new-password').fill('Mine#password-22')
  await user.getByTestId('confirm-password').fill('Mine#password-22')
  await user.getByTestId('save-password').click()
  await expect(user.getByTestId('console-menu').getByText('录入信用信息')).toBeVisible()
  await expect(user.getByTestId('password-forced')).toHaveCount(0)

  // Changing it again from the header ends the user's other sessions.
  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const second = await other.newPage()
  await second.goto('/console/login')
  await second.getByTestId('username').fill('e2e.reset')
  await second.getByTestId('password').fill('Mine#password-22')
  await second.getByTestId('sign-in').click()
  await expect(second.getByTestId('current-user')).toBeVisible()
  await user.getByTestId('change-password').click()
  await user.getByTestId('current-password').fill('Mine#password-22')
  await user.getByTestId('new-password').fill('Mine#password-333')
  await user.getByTestId('confirm-password').fill('Mine#password-333')
  await user.getByTestId('save-password').click()
  await expect(user.getByText('密码已修改，其他会话已结束')).toBeVisible()
  await second.reload()
  await expect(second).toHaveURL(/\/console\/login/)
  await context.close()
  await other.close()
})
