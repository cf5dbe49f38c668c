// The demo as a newcomer finds it after `cargo xtask run` (issue #23, points 1 and 2): each
// demo account that acts in the workflow signs in to work waiting in its queue, and the demo
// employee's home page says where his dossier stands and what he does next — on a desktop and
// at a phone's width.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

describe("the demo's stories", () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ seedDemo: true, stories: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const queues = [
    { username: "chuyenvien.sogddt", tab: null, waiting: ["Lê Thị Cúc", "Đỗ Thị Lan"] },
    { username: "sogddt", tab: "Chờ thủ trưởng ký duyệt", waiting: ["Phạm Văn Dũng"] },
    { username: "quantri", tab: "Chờ Sở Nội vụ phê duyệt", waiting: ["Vũ Thị Giang"] },
  ];
  for (const { username, tab, waiting } of queues) {
    test(`${username} finds work waiting`, async () => {
      const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
      await signIn(page, server.baseUrl, username);
      await page.getByRole("navigation").getByRole("link", { name: "Phê duyệt", exact: true }).click();
      if (tab) await page.getByRole("tab", { name: tab }).click();
      for (const name of waiting) {
        await page.getByTestId("review-item").filter({ hasText: name }).first().waitFor();
      }
      assert.equal(await page.getByTestId("review-item").count(), waiting.length);
      assert.deepEqual(consoleErrors, []);
      await close();
    });
  }

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`the employee's home page says what to do next (${viewport.width} px)`, async () => {
      const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
      await page.setViewportSize(viewport);
      await signIn(page, server.baseUrl, "nguyenvanan");
      const status = page.getByTestId("my-dossier-status");
      await status.getByTestId("my-dossier-state").getByText("Bị trả lại").waitFor();
      await status.getByTestId("my-return-reason").getByText(/Ngày vào Đảng chưa khớp với thẻ đảng viên/).waitFor();
      const next = status.getByTestId("my-next-action");
      assert.equal(await next.textContent(), "Sửa theo lý do và gửi lại");
      // The button is within the screen's width: nothing to scroll sideways for on a phone.
      const box = await next.boundingBox();
      assert.ok(box.x + box.width <= viewport.width, `${JSON.stringify(box)}`);
      await next.click();
      await page.getByRole("button", { name: "Gửi kiểm tra" }).waitFor();
      assert.deepEqual(consoleErrors, []);
      await close();
    });
  }
});
