// The background job queue in a real browser (issue #16): the administrator's "Tác vụ nền"
// page shows a report job that ran on the queue, and a job that failed with its error; "Chạy
// lại" queues it again. Other accounts have no such page, and the server refuses them.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

// A job of the test suite's kind that always fails (HOSO_TEST_JOB_KINDS=1), written into the
// queue as any cause would write it: the server's own worker claims it and it dies.
function queueFailingJob(dataDir) {
  const script = `
import sqlite3, sys, uuid, datetime
db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
db.execute("""INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_after,
  cancel_requested, progress_done, progress_total, queued_by_type, queued_by_name, created_at)
  VALUES (?, 'test.always_fail', '{}', 'queued', 0, 1, ?, 0, 0, 0, 'system', 'hoso', ?)""",
  (str(uuid.uuid4()), now, now))
db.commit()
`;
  execFileSync("python3", ["-c", script, join(dataDir, "hoso.db")]);
}

describe("background jobs", () => {
  let browser;
  let server;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ seedDemo: true, env: { HOSO_TEST_JOB_KINDS: "1" } });
  });

  after(async () => {
    await server?.stop();
    await browser?.close();
  });

  test("the administrator follows jobs, sees a failure with its error and runs it again", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    // A report as of a past day runs as a job on the queue.
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    await page.locator('select[name="report.kind"]').selectOption("gender");
    await page.locator('input[name="report.as_of"]').fill(today);
    await page.getByRole("button", { name: "Xem" }).click();
    await page.getByTestId("report-jobs").getByText("Đã xong").waitFor();
    queueFailingJob(server.dataDir);

    await page.getByRole("navigation").getByRole("link", { name: "Tác vụ nền" }).click();
    const report = page.getByTestId("job").filter({ hasText: "Lập báo cáo" });
    await report.filter({ hasText: "Hoàn thành" }).waitFor();
    assert.match(await report.innerText(), /Tài khoản quantri/);
    const failed = page.locator('[data-testid="job"][data-state="dead"]');
    await failed.waitFor();
    assert.match(await failed.getByTestId("job-error").innerText(), /always fails/);
    assert.match(await page.getByTestId("job-counts").innerText(), /Lỗi: 1/);

    await failed.getByRole("button", { name: "Chạy lại" }).click();
    // Queued again, it fails again at once: a fresh attempt, recorded in the audit trail.
    await page.goto(server.baseUrl + "/nhat-ky");
    await page.getByText("Chạy lại tác vụ nền").first().waitFor();
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("other accounts have no job page and the server refuses them", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Tác vụ nền" }).count(), 0);
    await page.goto(server.baseUrl + "/tac-vu-nen");
    await page.getByText("Bạn không có quyền thực hiện thao tác này.").waitFor();
    await close();
  });
});
