// The national sync in a real browser (issue #17): against `hoso-national-sim` (the national
// database as docs/integration.md describes it), Sở Nội vụ's administrator sees a message the
// platform refused with its Vietnamese reason, re-sends it, sees the national identifier that
// came back and the message's exchanges, and checks the message log. Agencies have no page.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { launchBrowser, openPage, signIn, startServer } from "./harness.mjs";

const SIM_BIN = process.env.HOSO_SIM_BIN;

async function startSimulator() {
  const child = spawn(SIM_BIN, ["--listen", "127.0.0.1:0", "--user", "hoso", "--secret", "bi-mat"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => {
      const match = /^hoso-national-sim listening on (http:\/\/\S+)$/.exec(line);
      match ? resolve(match[1]) : reject(new Error(`unexpected line from the simulator: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// A message for an approved demo dossier, written into the outbox as an approval writes it
// while no connection was configured: the server queues its delivery when it starts.
function queueWaitingMessage(dataDir) {
  const script = `
import sqlite3, sys, uuid, datetime
db = sqlite3.connect(sys.argv[1])
dossier, person = db.execute("SELECT id, person_id FROM dossiers WHERE current_version > 0 ORDER BY id LIMIT 1").fetchone()
now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
db.execute("""INSERT INTO national_messages (id, person_id, dossier_id, sequence, kind, person_status,
  state, attempts, created_at) VALUES (?, ?, ?, 1, 'version_approved', 'in_service', 'queued', 0, ?)""",
  (str(uuid.uuid4()), person, dossier, now))
db.commit()
`;
  execFileSync("python3", ["-c", script, join(dataDir, "hoso.db")]);
}

describe("national sync", () => {
  let browser;
  let simulator;
  let server;

  before(async () => {
    browser = await launchBrowser();
    simulator = await startSimulator();
    // The platform refuses the first delivery: our address is not allowed yet.
    const faults = await fetch(simulator.url + "/_sim/faults", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reject: 1, reject_status: 403, reject_code: "IP_DISALLOWED" }),
    });
    assert.equal(faults.status, 204);
    server = await startServer({
      seedDemo: true,
      env: { HOSO_NATIONAL_URL: simulator.url, HOSO_NATIONAL_USER: "hoso", HOSO_NATIONAL_SECRET: "bi-mat" },
      beforeServe: queueWaitingMessage,
    });
  });

  after(async () => {
    await server?.stop();
    await simulator?.stop();
    await browser?.close();
  });

  test("a refused message shows why, is re-sent, and comes back with its national identifier", async () => {
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.getByRole("navigation").getByRole("link", { name: "Đồng bộ CSDL quốc gia" }).click();
    assert.match(await page.getByTestId("national-connection").innerText(), /xác thực «token»/);
    const refused = page.locator('[data-testid="national-message"][data-state="dead"]');
    await refused.waitFor();
    assert.match(await refused.getByTestId("national-error").innerText(), /địa chỉ IP/);

    await refused.getByTestId("national-retry").click();
    const received = page.locator('[data-testid="national-message"][data-state="acknowledged"]');
    await received.waitFor();
    assert.match(await received.getByTestId("national-identifier").innerText(), /^CB\d{10}$/);
    assert.match(await page.getByTestId("national-counts").innerText(), /Đã nhận: 1/);

    await received.getByRole("button", { name: "Xem trao đổi" }).click();
    await page.getByTestId("national-detail").waitFor();
    assert.ok((await page.getByTestId("national-log-entry").count()) >= 4);

    await page.getByTestId("verify-log").click();
    const verified = page.getByTestId("log-verification");
    await verified.waitFor();
    assert.equal(await verified.getAttribute("data-ok"), "true");
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("an agency account has no such page and the server refuses it", async () => {
    const { page, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "sogddt");
    assert.equal(await page.getByRole("navigation").getByRole("link", { name: "Đồng bộ CSDL quốc gia" }).count(), 0);
    await page.goto(server.baseUrl + "/dong-bo-quoc-gia");
    await page.getByText("Bạn không có quyền thực hiện thao tác này.").waitFor();
    await close();
  });
});
