// Search in a real browser (issue #7): an HR officer builds a search from criteria, sees the
// chips and the results, saves it, re-runs it from the saved list, and exports it to Excel.

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
    await close();
  });
});
