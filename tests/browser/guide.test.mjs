// The pages the user guide shows, as each demo actor sees them after `cargo xtask run` (issue
// #23): Sở Nội vụ's home page with its charts (headcount against quota, dossiers by workflow
// state, what falls due this week), the report charts, the dossier search with its count, the
// email settings, and the employee's pages at a phone's width. Each page is checked for what
// it shows, then photographed into target/screenshots (and into docs/screenshots, which
// docs/user-guide.md shows, with HOSO_UPDATE_SCREENSHOTS=1).
//
// Email (point 10) against a real SMTP server (aiosmtpd, which `cargo xtask test` installs):
// an account issued with an address is announced there, without the password.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = join(ROOT, "target/screenshots");

async function photograph(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  if (process.env.HOSO_UPDATE_SCREENSHOTS === "1") {
    mkdirSync(join(ROOT, "docs/screenshots"), { recursive: true });
    copyFileSync(path, join(ROOT, "docs/screenshots", `${name}.png`));
  }
}

/** Nothing wider than the screen: no sideways scrolling on a phone. */
async function fitsWidth(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `the page is ${scroll} px wide on a ${width} px screen`);
}

/** A message's text, its transfer encoding (base64 or quoted-printable) undone. */
function bodyOf(raw) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join("\n\n");
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1].toLowerCase();
  if (encoding === "base64") return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return text;
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** aiosmtpd keeping what it receives in a maildir, ready once it accepts connections. */
async function startSmtp() {
  const program = process.env.HOSO_TEST_SMTP_SERVER;
  if (!program) {
    assert.notEqual(process.env.CI, "true", "CI=true but HOSO_TEST_SMTP_SERVER is not set");
    return null;
  }
  const port = await freePort();
  const holder = mkdtempSync(join(tmpdir(), "hoso-mail-"));
  // A directory that does not exist yet: aiosmtpd makes the maildir's parts only then.
  const maildir = join(holder, "box");
  const child = spawn(program, ["-n", "-l", `127.0.0.1:${port}`, "-c", "aiosmtpd.handlers.Mailbox", maildir], {
    stdio: "ignore",
  });
  const { connect } = await import("node:net");
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1", () => { socket.end(); resolve(true); });
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The raw messages received so far. */
    messages() {
      const dir = join(maildir, "new");
      return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")) : [];
    },
    stop() {
      child.kill();
      rmSync(holder, { recursive: true, force: true });
    },
  };
}

describe("the pages of the user guide", () => {
  let server;
  let browser;
  let smtp;
  before(async () => {
    smtp = await startSmtp();
    const env = smtp ? { HOSO_SMTP_URL: smtp.url, HOSO_PUBLIC_URL: "https://hoso.tinh.example.gov.vn" } : {};
    server = await startServer({ seedDemo: true, stories: true, env });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    smtp?.stop();
  });

  test("Sở Nội vụ's home page charts its quota, the workflow and this week's deadlines", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.baseUrl, "quantri");
    const states = page.getByTestId("dashboard-states");
    const rows = states.getByTestId("chart-row");
    await rows.first().waitFor();
    // Every workflow state by its full name, each with its count written on its bar.
    assert.deepEqual(
      await rows.evaluateAll((all) => all.map((r) => r.dataset.label)),
      ["Chưa nộp", "Bị trả lại", "Chờ kiểm tra", "Chờ thủ trưởng ký", "Chờ Sở Nội vụ duyệt", "Đã duyệt"],
    );
    for (const row of await rows.all()) {
      assert.equal(await row.locator(".chart-value").textContent(), await row.getAttribute("data-value"));
    }
    // The demo's stories hold a dossier waiting for Sở Nội vụ.
    assert.ok(Number(await rows.filter({ hasText: "Chờ Sở Nội vụ duyệt" }).getAttribute("data-value")) >= 1);
    const week = page.getByTestId("dashboard-deadlines").getByTestId("chart-row");
    await week.first().waitFor();
    assert.equal(await week.first().getAttribute("data-label"), "Đã quá hạn");
    assert.match(await week.nth(1).getAttribute("data-label"), /^Hôm nay, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật) \d\d\/\d\d$/);
    await page.getByTestId("dashboard-quota").getByText(/Biên chế được giao|Chưa giao biên chế/).first().waitFor();
    await photograph(page, "trang-chu-so-noi-vu");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("report charts keep whole labels and write their values", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.locator('select[name="report.kind"]').selectOption("grade");
    await page.getByRole("button", { name: "Xem" }).click();
    const rows = page.getByTestId("chart").getByTestId("chart-row");
    await rows.first().waitFor();
    // Each label is drawn whole (over as many lines as it needs), equal to the table's.
    const table = await page.getByTestId("report").locator("tbody tr:not(.total) td:first-child").allInnerTexts();
    const drawn = await rows.evaluateAll((all) =>
      all.map((r) => [...r.querySelectorAll(".chart-label tspan")].map((t) => t.textContent).join(" ")),
    );
    assert.deepEqual(drawn, table.filter((label) => drawn.includes(label)));
    assert.equal(drawn.length, table.length);
    // The scale is titled by what is counted, the table's own heading.
    const counted = await page.getByTestId("report").locator("thead th").nth(1).innerText();
    assert.equal(await page.getByTestId("chart").locator(".chart-axis-title").textContent(), counted);
    await photograph(page, "bao-cao-theo-ngach");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("the dossier search counts what it found", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Tìm kiếm", exact: true }).click();
    await page.getByLabel("Họ tên (gõ có dấu hoặc không dấu)").fill("nguyen");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    const count = page.getByTestId("result-count");
    await count.waitFor();
    const found = Number(/^Tìm thấy (\d+) hồ sơ/.exec(await count.innerText())[1]);
    assert.equal(await page.getByTestId("search-results").locator("tbody tr").count(), Math.min(found, 50));
    await photograph(page, "tim-kiem");
    await page.getByLabel("Họ tên (gõ có dấu hoặc không dấu)").fill("khong co ai ten nay");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await count.getByText("Không tìm thấy hồ sơ nào khớp với các điều kiện trên.").waitFor();
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("the head's approval queue", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Phê duyệt", exact: true }).click();
    await page.getByRole("tab", { name: "Chờ thủ trưởng ký duyệt" }).click();
    await page.getByTestId("review-item").filter({ hasText: "Phạm Văn Dũng" }).waitFor();
    await photograph(page, "phe-duyet");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  for (const [path, name, shows] of [
    ["/", "trang-chu-nhan-vien", (page) => page.getByTestId("my-dossier-status")],
    ["/ho-so-cua-toi", "ho-so-cua-toi", (page) => page.getByRole("button", { name: "Lưu bản khai" })],
    ["/nhat-ky-cua-toi", "ai-da-xem-ho-so", (page) => page.getByRole("heading", { name: "Ai đã xem hồ sơ của tôi" })],
    ["/thong-bao-email", "thong-bao-email", (page) => page.getByTestId("mail-settings")],
  ]) {
    test(`the employee's ${path} fits a phone`, async () => {
      const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, server.baseUrl, "nguyenvanan");
      await page.goto(server.baseUrl + path);
      await shows(page).waitFor();
      await fitsWidth(page, 390);
      await photograph(page, `${name}-dien-thoai`);
      assert.deepEqual(consoleErrors, []);
      await close();
    });
  }

  test("email: the employee chooses what to receive; an account issued is announced without its password", async (t) => {
    if (!smtp) return t.skip("HOSO_TEST_SMTP_SERVER is not set");
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "nguyenvanan");
    await page.getByRole("navigation").getByRole("link", { name: "Thông báo qua email", exact: true }).click();
    const form = page.getByTestId("mail-settings");
    await form.waitFor();
    assert.equal(await page.getByTestId("mail-not-configured").count(), 0, "the server has an SMTP server");
    await form.getByLabel("Địa chỉ email").fill("khong-phai-email");
    await form.getByRole("button", { name: "Lưu cài đặt" }).click();
    // The field is marked with the server's message.
    await form.locator('p.field-error[data-field="email"]').getByText("Địa chỉ email không hợp lệ.").waitFor();
    await form.getByLabel("Địa chỉ email").fill("an@sogddt.example.gov.vn");
    await form.getByRole("checkbox", { name: /Việc sắp đến hạn/ }).uncheck();
    await form.getByRole("button", { name: "Lưu cài đặt" }).click();
    await page.getByText("Đã lưu cài đặt thông báo.").waitFor();
    await page.reload();
    await form.waitFor();
    assert.equal(await form.getByLabel("Địa chỉ email").inputValue(), "an@sogddt.example.gov.vn");
    assert.equal(await form.getByRole("checkbox", { name: /Việc sắp đến hạn/ }).isChecked(), false);
    assert.equal(await form.getByRole("checkbox", { name: /Hồ sơ bị trả lại/ }).isChecked(), true);
    await photograph(page, "thong-bao-email");
    await close();

    // The agency issues an account with the holder's address; the message arrives.
    const agency = await openPage(browser, server.baseUrl);
    await signIn(agency.page, server.baseUrl, "quantri");
    await agency.page.getByRole("navigation").getByRole("link", { name: "Tài khoản", exact: true }).click();
    const create = agency.page.getByTestId("create-account");
    await create.locator('select[name="kind"]').selectOption("specialist");
    await create.locator('select[name="unit_id"]').selectOption({ label: "— Sở Giáo dục và Đào tạo" });
    await create.locator('input[name="username"]').fill("chuyenvien2.sogddt");
    await create.locator('input[name="display_name"]').fill("Hoàng Thị Mai");
    await create.locator('input[name="email"]').fill("mai@sogddt.example.gov.vn");
    await create.locator('input[name="reason"]').fill("Chuyên viên mới");
    await create.getByRole("button", { name: "Cấp tài khoản" }).click();
    const password = await agency.page.getByTestId("one-time-secret").innerText();
    // The message is sent by a background job: looked for until it arrives.
    const deadline = Date.now() + 30_000;
    let letter;
    while (!(letter = smtp.messages().find((m) => m.includes("To: mai@sogddt.example.gov.vn")))) {
      assert.ok(Date.now() < deadline, "the account's message never arrived");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const text = bodyOf(letter);
    assert.match(text, /Tên đăng nhập: chuyenvien2\.sogddt/);
    assert.match(text, /https:\/\/hoso\.tinh\.example\.gov\.vn\/dang-nhap/);
    assert.ok(!text.includes(password.trim()), "never the password");
    // The address refused on purpose (422) is the only error the browser reports.
    assert.deepEqual(consoleErrors.filter((e) => !/status of 422/.test(e)), []);
    assert.deepEqual(agency.consoleErrors, []);
    await agency.close();
  });
});
