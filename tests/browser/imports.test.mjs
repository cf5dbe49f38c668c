// The Excel import in a real browser (issue #15): an agency officer downloads the template,
// uploads a file with a bad date and sees the cell named and the marked workbook come back,
// then uploads a filled workbook, sees the dry run, writes it and watches the progress bar
// finish; the new dossiers are drafts in their unit.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

async function bytesOf(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("import from Excel", () => {
  let browser;
  let server;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ seedDemo: true });
  });

  after(async () => {
    await server?.stop();
    await browser?.close();
  });

  test("template, a dry run with a marked cell, then a workbook written with its progress", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Nhập dữ liệu từ Excel" }).click();
    await page.getByRole("heading", { name: "Nhập dữ liệu từ Excel" }).waitFor();

    const template = page.waitForEvent("download");
    await page.getByTestId("download-template").click();
    const templateFile = await template;
    assert.equal(templateFile.suggestedFilename(), "mau-nhap-nhan-su.xlsx");
    assert.equal((await bytesOf(templateFile)).subarray(0, 2).toString("latin1"), "PK", "an .xlsx is a zip");

    // A CSV of the people sheet with a date that does not exist.
    const csv = join(server.dataDir, "sai-ngay.csv");
    writeFileSync(
      csv,
      "Số định danh cá nhân (CCCD),Họ và tên,Giới tính,Ngày sinh,Mã đơn vị,Đối tượng,Ngày tuyển dụng\n" +
        "033190001234,Nguyễn Thị Mai,Nữ,30/02/1990,HY.SGDDT.THPTHY,Viên chức,01/09/2015\n",
    );
    await page.getByTestId("import-file").setInputFiles(csv);
    const issue = page.getByTestId("import-issues").locator('tr[data-code="invalid_date"]');
    await issue.waitFor();
    assert.match(await issue.innerText(), /Ngày sinh/);
    assert.match(await issue.innerText(), /30\/02\/1990 không có thật/);
    assert.equal(await page.getByTestId("dry-run").getByTestId("count-refused").innerText(), "1");
    assert.equal(await page.getByTestId("commit-import").isDisabled(), true, "errors block a full commit");
    const marked = page.waitForEvent("download");
    await page.getByTestId("download-marked").click();
    const markedFile = await marked;
    assert.equal(markedFile.suggestedFilename(), "sai-ngay-da-kiem-tra.xlsx");
    assert.equal((await bytesOf(markedFile)).subarray(0, 2).toString("latin1"), "PK");

    // A filled workbook of 150 teachers with their sections.
    const workbook = join(server.dataDir, "giao-vien.xlsx");
    execFileSync(process.env.HOSO_BIN, ["sample-workbook", "--people", "150", "--out", workbook], { stdio: "ignore" });
    await page.getByTestId("import-file").setInputFiles(workbook);
    await page.getByRole("heading", { name: "Tệp «giao-vien.xlsx»" }).waitFor();
    assert.equal(await page.getByTestId("dry-run").getByTestId("count-new").innerText(), "150");
    assert.equal(await page.getByTestId("import-issues").count(), 0);
    await page.getByTestId("commit-import").click();
    await page.locator('[data-testid="import-status"][data-status="committed"]').waitFor();
    assert.match(await page.getByTestId("commit-progress").innerText(), /150 \/ 150/);
    assert.equal(await page.getByTestId("committed").getByTestId("count-new").innerText(), "150");
    // Both imports are listed.
    await page.getByTestId("imports").getByText("giao-vien.xlsx").waitFor();
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("Sở Nội vụ downloads a search's people in the import template, to correct and import again", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Tìm kiếm", exact: true }).click();
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    const download = page.waitForEvent("download");
    await page.getByTestId("export-workbook").click();
    const file = await download;
    assert.equal(file.suggestedFilename(), "nhan-su-theo-mau-nhap.xlsx");
    const workbook = join(server.dataDir, "xuat-ra.xlsx");
    writeFileSync(workbook, await bytesOf(file));
    await page.getByRole("navigation").getByRole("link", { name: "Nhập dữ liệu từ Excel" }).click();
    await page.getByTestId("import-file").setInputFiles(workbook);
    await page.getByRole("heading", { name: "Tệp «xuat-ra.xlsx»" }).waitFor();
    assert.equal(await page.getByTestId("dry-run").getByTestId("count-new").innerText(), "0");
    assert.equal(await page.getByTestId("dry-run").getByTestId("count-updated").innerText(), "0");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("a personal account has no import page and the server refuses it", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "nguyenvanan");
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Nhập dữ liệu từ Excel" }).count(), 0);
    await page.goto(server.baseUrl + "/nhap-excel");
    await page.getByText("Bạn không có quyền thực hiện thao tác này.").first().waitFor();
    await close();
  });
});
