// The dossier editor in a real browser (issue #5): an HR officer opens a dossier, fills in
// items of several tabs with catalogue pickers and a table, sees a server refusal beside its
// field, saves; an approver makes it a version; the employee finds their own dossier.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, pickPerson, startServer } from "./harness.mjs";
import { pdf, tinyPng } from "./fixtures.mjs";

const DEMO_PASSWORD = "HoSo@demo2026";

async function signIn(page, baseUrl, username) {
  await page.goto(baseUrl + "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-name").waitFor();
}

describe("dossier editor", () => {
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

  test("HR opens and fills a dossier, a bad value is refused beside its field, then it is approved", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await pickPerson(page, "Người được lập hồ sơ", "nguyen van an", "Nguyễn Văn An — Trường THPT chuyên Hưng Yên");
    await page.getByRole("button", { name: "Mở hồ sơ" }).click();
    const facts = page.getByTestId("dossier-facts");
    await facts.getByText(/HS\d{6}/).waitFor();
    const number = (await facts.innerText()).match(/HS\d{6}/)[0];

    // Tab 1: identity, with catalogue pickers; a citizen-ID number that contradicts the birth year.
    await page.locator('select[name="identity.gender"]').selectOption("1");
    // Dates are typed day first and shown so in this English-language browser (issue #23).
    await page.locator('input[name="identity.birth_date"]').fill("20/4/1985");
    await page.locator('input[name="identity.birth_date"]').blur();
    assert.equal(await page.locator('input[name="identity.birth_date"]').inputValue(), "20/04/1985");
    await page.locator('select[name="identity.ethnicity"]').selectOption("01");
    await page.locator('select[name="identity.birth_place.province"]').selectOption("33");
    await page.locator('input[name="identity.citizen_id"]').fill("033095001234");
    await page.getByRole("button", { name: "Lưu bản khai" }).click();
    await page.locator('.field-error[data-field="identity.citizen_id"]').waitFor();
    await page.locator('input[name="identity.citizen_id"]').fill("033085001234");
    await page.locator('input[name="identity.residence"]').fill("Phường Phố Hiến, Hưng Yên");
    // The photo uploads as soon as it is chosen.
    const png = tinyPng;
    await page.locator("input[name=photo]").setInputFiles({ name: "anh-the.png", mimeType: "image/png", buffer: png });
    await page.getByTestId("photo-state").getByText("Đã có ảnh.").waitFor();

    // Tab 5: the work-history table.
    await page.getByRole("tab", { name: "Quá trình công tác" }).click();
    await page.getByRole("button", { name: "Thêm dòng" }).first().click();
    // Or picked on our calendar, in Vietnamese: September 2008, the 1st.
    await page.getByRole("button", { name: "Mở lịch: work_history[0].from" }).click();
    const calendar = page.getByRole("dialog", { name: "Lịch chọn ngày" });
    await calendar.getByRole("columnheader", { name: "CN" }).waitFor();
    await calendar.getByLabel("Năm", { exact: true }).selectOption("2008");
    await calendar.getByLabel("Tháng", { exact: true }).selectOption("8");
    await calendar.getByRole("button", { name: "Tháng sau" }).click();
    await calendar.getByText("Tháng 9 năm 2008").waitFor();
    await calendar.getByRole("button", { name: "01/09/2008" }).click();
    assert.equal(await page.locator('input[name="work_history[0].from"]').inputValue(), "01/09/2008");
    await page.locator('input[name="work_history[0].unit"]').fill("Trường THPT chuyên Hưng Yên");
    await page.getByRole("button", { name: "Lưu bản khai" }).click();
    await page.getByTestId("dossier-saved").waitFor();

    // Saved values come back from the server after a reload.
    await page.reload();
    await page.getByTestId("dossier-facts").getByText(number).waitFor();
    await page.locator('select[name="identity.ethnicity"] option[value="01"]').waitFor({ state: "attached" });
    assert.equal(await page.locator('input[name="identity.citizen_id"]').inputValue(), "033085001234");
    assert.equal(await page.locator('select[name="identity.ethnicity"]').inputValue(), "01");
    assert.equal(await page.locator('input[name="identity.birth_date"]').inputValue(), "20/04/1985");
    await page.getByTestId("completeness").getByText(/Còn thiếu/).waitFor();

    // A scanned decision, typed and linked to the item it proves, then opened.
    await page.getByRole("tab", { name: "Tài liệu đính kèm" }).click();
    // #19 (8): a web page renamed .pdf is refused, and the message says what is wrong with the file.
    const fake = Buffer.from("<!doctype html><html><body>Quyết định</body></html>");
    await page.locator("input[name=attachment_file]").setInputFiles({ name: "gia.pdf", mimeType: "application/pdf", buffer: fake });
    await page.getByRole("alert").filter({ hasText: "không phải PDF, JPEG hay PNG" }).waitFor();
    const scan = pdf("Quyết định bổ nhiệm");
    await page.locator("input[name=attachment_file]").setInputFiles({ name: "bo-nhiem.pdf", mimeType: "application/pdf", buffer: scan });
    await page.getByTestId("uploaded-document").getByText("bo-nhiem.pdf").waitFor();
    await page.locator('select[name="attachment_kind"] option[value="BO_NHIEM"]').waitFor({ state: "attached" });
    await page.locator("select[name=attachment_kind]").selectOption("BO_NHIEM");
    await page.getByLabel(/Chứng minh cho mục/).fill("career.position");
    await page.getByRole("button", { name: "Đính kèm", exact: true }).click();
    const attachments = page.getByTestId("attachments");
    await attachments.getByText("BO_NHIEM — Quyết định bổ nhiệm, bổ nhiệm lại").waitFor();
    const popup = page.waitForEvent("popup");
    await attachments.getByRole("button", { name: /bo-nhiem\.pdf/ }).click();
    await (await popup).close();

    // The form prints as a PDF, opened in a new tab.
    const printed = page.waitForEvent("popup");
    await page.getByRole("button", { name: "In sơ yếu lý lịch (PDF)" }).click();
    const pdfTab = await printed;
    assert.match(pdfTab.url(), /^blob:/);
    await pdfTab.close();

    // Submitting an incomplete dossier for the check is refused, naming what is missing.
    await page.getByRole("button", { name: "Gửi kiểm tra" }).click();
    await page.getByRole("alert").getByText("Chưa khai mục «7. Tôn giáo».").waitFor();
    // Each missing item leads to its tab and field, and the field is marked (issue #23).
    const completeness = page.getByTestId("completeness");
    await completeness.locator("summary").click();
    await completeness.getByRole("button", { name: "7. Tôn giáo", exact: true }).click();
    assert.equal(await page.getByRole("tab", { name: "Bản thân" }).getAttribute("aria-selected"), "true");
    await page.locator('.field-error[data-field="identity.religion"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "identity.religion");
    // Save comes before sending.
    const order = await page.locator(".actions button.primary, .review-panel button.primary").allInnerTexts();
    assert.ok(order.indexOf("Lưu bản khai") < order.indexOf("Gửi kiểm tra"), JSON.stringify(order));
    await close();
  });

  test("the employee finds their own dossier and sees its sensitive fields", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "nguyenvanan");
    await page.getByRole("navigation").getByRole("link", { name: "Hồ sơ của tôi", exact: true }).click();
    await page.getByTestId("dossier-facts").getByText("Trường THPT chuyên Hưng Yên").waitFor();
    assert.equal(await page.locator('input[name="identity.citizen_id"]').inputValue(), "033085001234");
    assert.equal(await page.getByText("Quá trình điều động, nghỉ việc").count(), 0, "no heading over nothing");
    // Who read it, in words: the dossier named, HR's many reads of one sitting on one line.
    await page.getByRole("navigation").getByRole("link", { name: "Ai đã xem hồ sơ của tôi" }).click();
    const trail = page.getByTestId("my-audit");
    const reads = trail.locator("tr", { hasText: /Xem hồ sơ HS\d{6} — Nguyễn Văn An \(\d+ lần\)/ });
    await reads.first().waitFor();
    assert.ok(Number(await reads.first().getAttribute("data-count")) > 1);
    assert.equal(await trail.getByText("dossier.viewed").count(), 0, "no raw codes");
    await close();
  });

  test("a specialist without the right to sensitive fields does not receive them", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "chuyenvien.sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Hồ sơ", exact: true }).click();
    await page.getByPlaceholder("Gõ có dấu hoặc không dấu").fill("nguyen van an");
    await page.getByTestId("dossiers").locator("tr", { hasText: "Trường THPT chuyên Hưng Yên" }).getByRole("link", { name: "Nguyễn Văn An" }).click();
    await page.getByTestId("dossier-facts").getByText("hạn chế tiếp cận").waitFor();
    // Catalogue labels arrive with their catalogue.
    await page.locator('select[name="identity.ethnicity"] option[value="01"]').waitFor({ state: "attached" });
    assert.equal(await page.locator('input[name="identity.citizen_id"]').inputValue(), "");
    assert.equal(await page.locator('select[name="identity.ethnicity"]').inputValue(), "01");
    await close();
  });
});
