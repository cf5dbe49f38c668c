// The first load (issue #23 point 9): the sign-in and home pages come with the main part of
// the SPA only, sent precompressed; each area's part is fetched the first time one of its
// pages is opened, and then works.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

/**
 * The SPA's assets `page` asks for (`paths`, as they are asked for), and `settled()`: each with
 * its encoding and what it cost on the wire, once every one has arrived.
 */
function recordAssets(page) {
  const paths = [];
  const pending = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) return;
    paths.push(url.pathname);
    pending.push(
      request.response().then(async (response) => ({
        path: url.pathname,
        encoding: response?.headers()["content-encoding"] ?? null,
        bytes: (await request.sizes()).responseBodySize,
      })),
    );
  });
  return { paths, settled: () => Promise.all(pending) };
}

describe("the first load", () => {
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

  test("sign-in and home load the main part only; an area loads when first opened", async (t) => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    const recorded = recordAssets(page);
    await signIn(page, server.baseUrl, "nguyenvanan");
    await page.getByTestId("my-dossier-status").waitFor();
    const assets = await recorded.settled();
    const main = assets.find((a) => /\/pkg-[0-9a-f]{16}\/hoso-frontend_bg\.wasm$/.test(a.path));
    assert.ok(main, `the main wasm was fetched: ${JSON.stringify(assets)}`);
    assert.ok(["br", "gzip"].includes(main.encoding), `sent precompressed, not ${main.encoding}`);
    assert.deepEqual(assets.filter((a) => /split_/.test(a.path)), [], "no area's part before it is opened");
    const firstLoad = assets.reduce((sum, a) => sum + a.bytes, 0);
    t.diagnostic(`first load: ${Math.round(firstLoad / 1024)} KB on the wire, the main wasm ${main.encoding}`);
    // The budget of issue #21 for the sign-in and home pages, on the wire.
    assert.ok(firstLoad <= 600 * 1024, `first load ${Math.round(firstLoad / 1024)} KB`);

    // Opening a personal page fetches its area's part, which then shows the page.
    await page.getByRole("navigation").getByRole("link", { name: "Ai đã xem hồ sơ của tôi", exact: true }).click();
    await page.getByRole("heading", { name: "Ai đã xem hồ sơ của tôi" }).waitFor();
    assert.ok(recorded.paths.some((p) => /split_personal_area/.test(p)), "the personal area's part was fetched");
    assert.ok(!recorded.paths.some((p) => /split_admin_area/.test(p)), "not the administration's");
    assert.deepEqual(consoleErrors, []);
    await close();
  });
});
