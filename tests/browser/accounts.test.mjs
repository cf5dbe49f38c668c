// Accounts in a real browser (issue #3): each kind of account signs in and sees only what it
// may; an agency issues a personal account whose owner must change the temporary password;
// an administrator locks an account. The server enforces all of it; this checks the SPA shows it.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, pickPerson, startServer } from "./harness.mjs";
import { pdf } from "./fixtures.mjs";

const DEMO_PASSWORD = "HoSo@demo2026";

async function signIn(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(baseUrl + "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

async function navLinks(page) {
  await page.getByTestId("user-name").waitFor();
  return page.getByRole("navigation").getByRole("link").allInnerTexts();
}

describe("accounts", () => {
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

  const cases = [
    { username: "quantri", sees: ["Tài khoản", "Đề nghị cấp tài khoản", "Kết nối hệ thống", "Nhật ký truy cập", "Phê duyệt", "Hạn xử lý"], not: [] },
    { username: "sogddt", sees: ["Tài khoản", "Đề nghị cấp tài khoản", "Nhật ký truy cập"], not: ["Kết nối hệ thống"] },
    { username: "chuyenvien.sogddt", sees: ["Ai đã xem hồ sơ của tôi", "Phê duyệt", "Hạn xử lý"], not: ["Tài khoản", "Kết nối hệ thống", "Nhật ký truy cập", "Đề nghị cấp tài khoản"] },
    { username: "nguyenvanan", sees: ["Ai đã xem hồ sơ của tôi", "Đổi mật khẩu"], not: ["Phê duyệt", "Hạn xử lý", "Tài khoản", "Kết nối hệ thống", "Nhật ký truy cập", "Đề nghị cấp tài khoản"] },
  ];
  for (const { username, sees, not } of cases) {
    test(`${username} signs in and sees only its areas`, async () => {
      const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
      await signIn(page, server.baseUrl, username);
      const links = await navLinks(page);
      for (const label of sees) assert.ok(links.includes(label), `${username} should see ${label}: ${links}`);
      for (const label of not) assert.ok(!links.includes(label), `${username} must not see ${label}: ${links}`);
      await page.getByTestId("greeting").waitFor();
      assert.deepEqual(consoleErrors.filter((e) => !e.includes("status of 40")), []);
      await close();
    });
  }

  test("an agency lists only its own people's accounts, and the server refuses it the rest", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    await page.getByRole("navigation").getByRole("link", { name: "Tài khoản", exact: true }).click();
    const table = page.getByTestId("accounts");
    await table.getByRole("link", { name: "nguyenvanan" }).waitFor();
    assert.equal(await table.locator("tbody tr").count(), 1);
    // Filtering by a unit with no personal accounts empties the list.
    await page.getByLabel("Đơn vị").selectOption({ label: "— — Trường THPT Thái Bình" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByText("0 tài khoản").waitFor();
    // Typing the address of a page it may not use: the server's refusal is shown, no data.
    await page.goto(server.baseUrl + "/ket-noi");
    await page.getByRole("alert").filter({ hasText: "không có quyền" }).waitFor();
    assert.equal(await page.getByTestId("api-clients").count(), 0);
    await close();
  });

  test("a wrong password is refused in Vietnamese", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt", "sai-mat-khau-1");
    await page.getByRole("alert").filter({ hasText: "Tên đăng nhập hoặc mật khẩu không đúng" }).waitFor();
    await close();
    // #19 (3): Sở Nội vụ sees the failed attempt on the accounts page, with its address.
    const admin = await openPage(browser, server.baseUrl);
    await signIn(admin.page, server.baseUrl, "quantri");
    await admin.page.getByTestId("user-name").waitFor();
    await admin.page.goto(server.baseUrl + "/tai-khoan");
    const row = admin.page.getByTestId("sign-in-failures").locator("tr", { hasText: "sogddt" });
    await row.filter({ hasText: "127.0.0.1 (1 lần)" }).waitFor();
    await admin.close();
  });

  test("an agency issues a personal account and its owner must change the temporary password", async () => {
    const agency = await openPage(browser, server.baseUrl);
    await signIn(agency.page, server.baseUrl, "sogddt");
    await agency.page.getByTestId("user-name").waitFor();
    await agency.page.goto(server.baseUrl + "/tai-khoan");
    const form = agency.page.getByTestId("create-account");
    await pickPerson(form, "Người được cấp", "Lê Thị Cúc", "Lê Thị Cúc — Trường THPT chuyên Hưng Yên");
    await form.getByLabel("Tên đăng nhập").fill("lethicuc");
    await form.getByLabel("Tên hiển thị").fill("Lê Thị Cúc");
    await form.getByLabel("Lý do").fill("Tuyển dụng viên chức mới");
    await form.getByRole("button", { name: "Cấp tài khoản" }).click();
    const secret = agency.page.getByTestId("one-time-secret");
    await secret.waitFor();
    const temporary = (await secret.innerText()).trim();
    assert.match(temporary, /^[A-Za-z0-9]{14}$/);
    await agency.page.getByTestId("accounts").getByRole("link", { name: "lethicuc" }).waitFor();
    await agency.close();

    const owner = await openPage(browser, server.baseUrl);
    await signIn(owner.page, server.baseUrl, "lethicuc", temporary);
    await owner.page.getByTestId("forced-change").waitFor();
    await owner.page.getByLabel("Mật khẩu hiện tại").fill(temporary);
    await owner.page.getByLabel("Mật khẩu mới", { exact: true }).fill("ngan");
    await owner.page.getByLabel("Nhập lại mật khẩu mới").fill("ngan");
    await owner.page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await owner.page.locator(".field-error[data-field=new_password]").filter({ hasText: "ít nhất 10 ký tự" }).waitFor();
    await owner.page.getByLabel("Mật khẩu mới", { exact: true }).fill("Giáo viên Văn 2026");
    await owner.page.getByLabel("Nhập lại mật khẩu mới").fill("Giáo viên Văn 2026");
    await owner.page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await owner.page.getByTestId("greeting").filter({ hasText: "Lê Thị Cúc" }).waitFor();
    // Her own trail shows who issued her account.
    await owner.page.getByRole("navigation").getByRole("link", { name: "Ai đã xem hồ sơ của tôi" }).click();
    await owner.page.getByTestId("my-audit").getByText("Đổi mật khẩu").first().waitFor();
    await owner.close();
  });

  test("an administrator hands an agency account over, attaching the scanned decision", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByTestId("user-name").waitFor();
    await page.goto(server.baseUrl + "/tai-khoan");
    await page.getByTestId("accounts").getByRole("link", { name: "sogddt", exact: true }).click();
    await page.getByTestId("account-facts").waitFor();
    await page.getByLabel("Lý do (bắt buộc)").fill("Cán bộ đầu mối chuyển công tác");
    await page.getByLabel("Số quyết định").fill("78/QĐ-SGDĐT");
    await page.getByLabel("Ngày").fill("2026-11-20");
    await page.getByLabel("Người ký").fill("Giám đốc Sở Giáo dục và Đào tạo");
    await page.getByLabel("Bản scan quyết định (PDF, JPEG, PNG)").setInputFiles({
      name: "QD-78.pdf",
      mimeType: "application/pdf",
      buffer: pdf("78/QĐ-SGDĐT"),
    });
    await page.getByTestId("uploaded-document").filter({ hasText: "QD-78.pdf" }).waitFor();
    await page.getByLabel("Họ tên cán bộ nhận bàn giao").fill("Đặng Văn Minh");
    await page.getByTestId("hand-over").click();
    const secret = page.getByTestId("one-time-secret");
    await secret.waitFor();
    assert.match((await secret.innerText()).trim(), /^[A-Za-z0-9]{14}$/);
    await page.getByTestId("account-facts").getByText("Đặng Văn Minh").waitFor();
    const row = page.getByTestId("audit").locator("tr", { hasText: "Bàn giao tài khoản" });
    await row.getByText("78/QĐ-SGDĐT").waitFor();
    await row.getByRole("button", { name: "(bản scan)" }).waitFor();
    await close();
  });

  test("an administrator locks an account, with the reason recorded", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByTestId("user-name").waitFor();
    await page.goto(server.baseUrl + "/tai-khoan");
    await page.getByTestId("accounts").getByRole("link", { name: "syte", exact: true }).click();
    await page.getByTestId("account-status").filter({ hasText: "Đang hoạt động" }).waitFor();
    await page.getByLabel("Lý do (bắt buộc)").fill("Nghi lộ mật khẩu");
    await page.getByTestId("lock").click();
    await page.getByTestId("account-status").filter({ hasText: "Đã khóa" }).waitFor();
    await page.getByTestId("audit").getByText("Nghi lộ mật khẩu").waitFor();
    await page.screenshot({ path: "artifacts/account-locked.png", fullPage: true });
    await close();
  });
});
