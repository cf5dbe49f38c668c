// Backups in a real browser (issue #18, SEC-5): the administrator backs up now, sees the backup
// verified by its restore into a scratch database, and deletes it with a reason; a backup that
// fails shows a banner on every page of the administrators who keep backups. Other accounts
// have no such page.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

describe("backups", () => {
  let browser;
  let server;
  let broken;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ seedDemo: true });
    // A backup directory that cannot be made (a file stands where it should be).
    const blocker = join(mkdtempSync(join(tmpdir(), "hoso-backup-")), "not-a-directory");
    writeFileSync(blocker, "x");
    broken = await startServer({ seedDemo: true, env: { HOSO_BACKUP_TARGET: blocker } });
  });

  after(async () => {
    await server?.stop();
    await broken?.stop();
    await browser?.close();
  });

  test("the administrator backs up now, sees it verified, and deletes it with a reason", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Sao lưu" }).click();
    await page.getByTestId("backups-empty").waitFor();
    await page.getByTestId("no-recovery-key").waitFor();
    assert.match(await page.getByTestId("backup-next-run").innerText(), /\d\d\/\d\d\/\d{4} 18:00/);

    await page.getByTestId("backup-now").click();
    await page.getByTestId("backup-queued").waitFor();
    const verified = page.locator('[data-testid="backup"][data-state="verified"]');
    await verified.waitFor({ timeout: 60000 });
    const result = await verified.getByTestId("backup-result").innerText();
    assert.match(result, /^Đạt: \d+ bảng, \d+ dòng/);
    assert.match(await verified.innerText(), /Theo yêu cầu/);
    assert.match(await verified.innerText(), /Tài khoản quantri/);

    await verified.getByTestId("backup-delete").click();
    await verified.getByTestId("backup-delete-reason").fill("x");
    await verified.getByTestId("backup-delete-confirm").click();
    await verified.getByText("Nhập lý do xóa (5–500 ký tự).").waitFor();
    await verified.getByTestId("backup-delete-reason").fill("Bản thử trước khi nâng cấp");
    await verified.getByTestId("backup-delete-confirm").click();
    const deleted = page.locator('[data-testid="backup"][data-state="deleted"]');
    await deleted.waitFor();
    assert.match(await deleted.innerText(), /Bản thử trước khi nâng cấp/);
    // The one refusal asked for above (a reason too short) is the only error the page saw.
    assert.deepEqual(consoleErrors.filter((e) => !/status of 422/.test(e)), []);
    await close();
  });

  test("a failed backup shows its alert on every page of the administrators", async () => {
    const { page, close } = await openPage(browser, broken.baseUrl);
    await signIn(page, broken.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Sao lưu" }).click();
    await page.getByTestId("backup-now").click();
    await page.locator('[data-testid="backup"][data-state="failed"]').waitFor({ timeout: 60000 });
    assert.match(await page.getByTestId("backup-alert").innerText(), /không thành công: Không tạo được thư mục sao lưu/);
    await page.getByRole("navigation").getByRole("link", { name: "Tác vụ nền" }).click();
    const dead = page.locator('[data-testid="job"][data-state="dead"]').filter({ hasText: "Sao lưu dữ liệu" });
    assert.match(await dead.getByTestId("job-error").innerText(), /Không tạo được thư mục sao lưu .*\[backup_failed\]/);
    await page.goto(broken.baseUrl + "/");
    assert.match(await page.getByTestId("backup-banner").innerText(), /Lần sao lưu gần nhất .* không thành công/);
    await close();
  });

  test("other accounts have no backup page and the server refuses them", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Sao lưu" }).count(), 0);
    await page.goto(server.baseUrl + "/sao-luu");
    await page.getByText("Bạn không có quyền thực hiện thao tác này.").waitFor();
    assert.equal(await page.getByTestId("backup-banner").count(), 0);
    await close();
  });
});
