// Search and reports in a real browser (issue #7): an HR officer builds a search from criteria,
// sees the chips and the results, saves it, re-runs it from the saved list, exports it to Excel,
// and opens a report with its chart.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, startServer } from "./harness.mjs";

const DEMO_PASSWORD = "HoSo@demo2026";

describe("search", () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("build a search, save it, re-run it, export it", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("sogddt");
    await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("user-name").waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Tìm kiếm", exact: true }).click();
    const gender = page.getByLabel("Giới tính");
    await gender.locator("option", { hasText: "Nữ" }).waitFor({ state: "attached" });
    await gender.selectOption("2");
    await page.getByLabel("Đảng viên").selectOption("true");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.getByTestId("chips").getByText("gender: 2").waitFor();
    const rows = page.getByTestId("search-results").locator("tbody tr");
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count > 0);

    await page.getByLabel("Lưu với tên").fill("Nữ đảng viên");
    await page.getByRole("button", { name: "Lưu tìm kiếm" }).click();
    await page.getByText("Tìm kiếm đã lưu").click();
    await page.getByTestId("saved-searches").getByRole("button", { name: "Nữ đảng viên" }).click();
    await rows.first().waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Xuất Excel" }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), "danh-sach.xlsx");
    const bytes = await file.createReadStream().then(async (stream) => {
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      return Buffer.concat(chunks);
    });
    assert.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "an .xlsx is a zip");

    // A report with its chart: the age pyramid of the whole province.
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.locator('select[name="report.kind"]').selectOption("age");
    await page.getByRole("button", { name: "Xem" }).click();
    await page.getByRole("heading", { name: "Tháp tuổi theo giới tính" }).waitFor();
    assert.ok((await page.getByTestId("chart").locator("rect").count()) >= 10, "men and women bars for each band");
    await page.getByTestId("report").getByText("40 – 49").waitFor();
    await close();
  });
});
