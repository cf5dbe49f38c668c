// The application shell in a real browser, against the real binary (issue #2).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, startServer } from "./harness.mjs";

describe("application shell", () => {
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

  test("renders the header with the province and warns that the data is demo data", async () => {
    const { page, consoleErrors, foreignRequests, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/");
    await page.getByTestId("province").filter({ hasText: "Tỉnh Hưng Yên" }).waitFor();
    await page.getByTestId("demo-banner").waitFor();
    assert.match(await page.getByTestId("user-place").innerText(), /Đăng nhập/);
    assert.equal(await page.locator("html").getAttribute("lang"), "vi");
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Hệ thống quản lý hồ sơ điện tử" }).waitFor();
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
    await close();
  });

  test("on a phone the menu folds behind one button and the page comes first (issue #23)", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.baseUrl + "/");
    const heading = page.getByRole("heading", { level: 1 }).filter({ hasText: "Hệ thống quản lý hồ sơ điện tử" });
    await heading.waitFor();
    const menu = page.getByRole("navigation").getByRole("link", { name: "Trạng thái hệ thống" });
    assert.equal(await menu.isVisible(), false, "the menu is folded");
    const toggle = page.getByRole("button", { name: "☰ Chức năng" });
    const headingBox = await heading.boundingBox();
    assert.ok(headingBox.y < 400, `the page's heading is on the first screen (${headingBox.y})`);
    await toggle.click();
    await menu.click();
    await page.waitForURL(server.baseUrl + "/trang-thai");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false", "it folds again once a page is chosen");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("the status page shows the live health and readiness from the API", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/");
    await page.getByRole("navigation").getByRole("link", { name: "Trạng thái hệ thống" }).click();
    await page.waitForURL(server.baseUrl + "/trang-thai");
    const serverCard = page.getByTestId("server-status");
    const databaseCard = page.getByTestId("database-status");
    await serverCard.getByText("Đang hoạt động").waitFor();
    await databaseCard.getByText("Sẵn sàng").waitFor();
    assert.match(await databaseCard.innerText(), /SQLite \(nhúng\)/);
    const health = await (await page.request.get(server.baseUrl + "/api/v1/health")).json();
    assert.match(await serverCard.innerText(), new RegExp(health.version.replaceAll(".", "\\.")));
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("a deep link loads the SPA, and an unknown page says so in Vietnamese", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/trang-thai");
    await page.getByTestId("database-status").getByText("Sẵn sàng").waitFor();
    await page.goto(server.baseUrl + "/khong-co-trang-nay");
    await page.getByRole("heading", { name: "Không tìm thấy trang" }).waitFor();
    await close();
  });

  test("the API documentation works with no network", async () => {
    const { page, foreignRequests, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/api/docs");
    await page.locator(".swagger-ui .info .title").filter({ hasText: "hoso API" }).waitFor();
    await page.locator(".opblock-summary-path", { hasText: "/api/v1/ready" }).waitFor();
    assert.deepEqual(foreignRequests, []);
    await close();
  });
});

describe("when the server stops answering", () => {
  test("the status page says the server does not answer, then recovers", async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    const { page, close } = await openPage(browser, server.baseUrl);
    await page.goto(server.baseUrl + "/trang-thai");
    await page.getByTestId("server-status").getByText("Đang hoạt động").waitFor();
    // Cut the API off as a network failure would, and wait for the next automatic refresh.
    await page.route("**/api/v1/**", (route) => route.abort("connectionrefused"));
    await page.getByTestId("server-status").getByText("Không phản hồi").waitFor({ timeout: 15_000 });
    assert.match(await page.getByRole("alert").first().innerText(), /Không kết nối được với máy chủ/);
    await page.unroute("**/api/v1/**");
    await page.getByRole("button", { name: "Thử lại" }).first().click();
    await page.getByTestId("server-status").getByText("Đang hoạt động").waitFor();
    await close();
    await browser.close();
    await server.stop();
  });
});
