// Search and reports in a real browser (issue #7): an HR officer builds a search from criteria,
// sees the chips and the results, saves it, re-runs it from the saved list, exports it to Excel,
// and opens a report with its chart.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

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
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Tìm kiếm", exact: true }).click();
    const gender = page.locator('select[name="search.gender"]');
    await gender.locator("option", { hasText: "Nữ" }).waitFor({ state: "attached" });
    await gender.selectOption("2");
    await page.locator('select[name="search.party_member"]').selectOption("true");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    // Chips read in Vietnamese, catalogue codes as their labels.
    await page.getByTestId("chips").getByText("Giới tính: Nữ").waitFor();
    await page.getByTestId("chips").getByText("Đảng viên: Có").waitFor();
    const rows = page.getByTestId("search-results").locator("tbody tr");
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count > 0);
    // The count of every match (issue #23 point 7), not only of the page shown.
    assert.match(await page.getByTestId("result-count").innerText(), new RegExp(`^Tìm thấy ${count} hồ sơ$`));

    // A chosen column appears in the table, with the coefficient of each person.
    const headers = page.getByTestId("search-results").locator("thead th");
    assert.equal(await headers.filter({ hasText: "Hệ số" }).count(), 0);
    await page.getByText("Chọn cột hiển thị và xuất").click();
    await page.getByTestId("columns").getByLabel("Hệ số").check();
    await headers.filter({ hasText: "Hệ số" }).waitFor();
    const columnIndex = (await headers.allInnerTexts()).indexOf("Hệ số");
    assert.match(await rows.first().locator("td").nth(columnIndex).innerText(), /^\d+,\d\d$/);

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
    const chart = page.getByTestId("chart");
    assert.ok((await chart.locator("rect.men").count()) >= 5, "men's bars for each band");
    assert.ok((await chart.locator("rect.women").count()) >= 5, "women's bars for each band");
    await page.getByTestId("report").getByText("40 – 49").waitFor();
    // Issue #23 point 6: a legend for each colour, the value on each bar, a scale with its title.
    assert.deepEqual(await chart.getByTestId("chart-legend").allTextContents(), ["Nam", "Nữ"]);
    await chart.getByTestId("chart-axis").getByText("Số người").waitFor();
    const band = chart.getByTestId("chart-row").filter({ hasText: "40 – 49" });
    const [men, women] = await band.locator(".chart-value").allTextContents();
    const table = page.getByTestId("report").locator("tr", { hasText: "40 – 49" }).locator("td");
    assert.equal(men, await table.nth(2).innerText());
    assert.equal(women, await table.nth(3).innerText());
    await close();
  });

  test("a report as of a day is made in the background and downloaded; quotas; HR lists", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();

    // A day given: the report is a job; it ends and appears among the reports made.
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    await page.locator('select[name="report.kind"]').selectOption("grade");
    await page.locator('input[name="report.as_of"]').fill(today);
    await page.getByRole("button", { name: "Xem" }).click();
    await page.getByRole("heading", { name: "Số lượng theo ngạch, chức danh nghề nghiệp" }).waitFor();
    await page.getByTestId("report").getByText("Tổng cộng").waitFor();
    const made = page.getByTestId("report-jobs");
    await made.getByText("Đã xong").waitFor();
    const download = page.waitForEvent("download");
    await made.getByRole("button", { name: "Tải Excel" }).click();
    const file = await download;
    // Named in Vietnamese without diacritics (issue #23 point 6).
    assert.equal(file.suggestedFilename(), `bao-cao-theo-ngach-${today}.xlsx`);

    // The yearly report the regulation asks for, made in one click (USE-3).
    const schedule = page.getByTestId("report-schedule");
    await schedule.getByText("Các cơ quan, đơn vị gửi Sở Nội vụ").first().waitFor();
    await schedule.getByRole("button", { name: "Lập: Theo vị trí việc làm" }).click();
    await page.getByRole("heading", { name: "Số lượng theo vị trí việc làm" }).waitFor();
    assert.equal(await page.locator('select[name="report.kind"]').inputValue(), "job_position");

    // Quotas against headcount as gauges.
    await page.locator('input[name="report.as_of"]').fill("");
    await page.locator('select[name="report.kind"]').selectOption("quota");
    await page.getByRole("button", { name: "Xem" }).click();
    await page.getByRole("heading", { name: "Biên chế được giao và số có mặt" }).waitFor();
    assert.ok((await page.getByTestId("gauge").count()) > 0, "a gauge per unit");
    assert.deepEqual(
      await page.getByTestId("chart").getByTestId("chart-legend").allTextContents(),
      ["Biên chế được giao", "Số có mặt", "Vượt biên chế"],
    );

    // The annual report to the Ministry: unit by unit, the department's subtotal, the total,
    // and the file under the report's letterhead (issue #24).
    const annual = page.getByTestId("annual-report");
    const year = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
    await annual.locator('input[name="annual.year"]').fill(year);
    await annual.locator('select[name="annual.unit"]').selectOption({ label: "— Sở Giáo dục và Đào tạo" });
    await annual.locator('input[name="annual.signer"]').fill("Giám đốc Sở");
    await annual.getByRole("button", { name: "Lập báo cáo năm" }).click();
    const titles = annual.getByTestId("annual-professional_title");
    await titles.locator('tr[data-kind="subtotal"]', { hasText: "Cộng Sở Giáo dục và Đào tạo" }).waitFor();
    const total = titles.locator('tr[data-kind="total"]');
    assert.match(await total.innerText(), /Tổng cộng/);
    const annualFile = page.waitForEvent("download");
    await annual.getByRole("button", { name: "Tải báo cáo năm (Excel)" }).click();
    assert.equal((await annualFile).suggestedFilename(), `bao-cao-so-luong-nam-${year}.xlsx`);

    // The list of raises due within a year, in the department's scope.
    await page.getByRole("navigation").getByRole("link", { name: "Danh sách", exact: true }).click();
    await page.locator('select[name="list.kind"]').selectOption("retirement");
    await page.locator('input[name="list.until"]').fill("2045-12-31");
    await page.getByRole("button", { name: "Xem" }).click();
    await page.getByRole("heading", { name: "Danh sách đến tuổi nghỉ hưu" }).waitFor();
    const rows = page.getByTestId("list").locator("tbody tr");
    await rows.first().waitFor();
    assert.match(await rows.first().innerText(), /Nghỉ hưu từ/);
    await close();
  });
});
