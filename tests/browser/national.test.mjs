// The national sync in a real browser (issue #17): against `hoso-national-sim` (the national
// database as docs/integration.md describes it), Sở Nội vụ's administrator sees a message the
// platform refused with its Vietnamese reason, re-sends it, sees the national identifier that
// came back and the message's exchanges, and checks the message log; a person's whole log is
// on their dossier; a new version of a national catalogue is reviewed and applied as far as
// chosen. Agencies have no page.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { DEMO_PASSWORD, launchBrowser, openPage, signIn, startServer } from "./harness.mjs";
import { pdf } from "./fixtures.mjs";

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

async function api(baseUrl, token, method, path, body, contentType = "application/json") {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "Content-Type": contentType } : {}) },
    body: body === undefined ? undefined : contentType === "application/json" ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function tokenOf(baseUrl, username) {
  return (await api(baseUrl, null, "POST", "/auth/login", { username, password: DEMO_PASSWORD })).access_token;
}

// What the national database holds of a teacher arriving from Hà Nội (the groups of
// docs/integration.md, as another province's hoso sent them).
const ARRIVING = "001185000111";
const arrivingRecord = {
  national_identifier: "CB0000000777", national_dossier_code: "01.HS-000777", province: "01",
  packet_sha256: "a".repeat(64),
  groups: {
    "1_identity": { full_name: "Trần Thị Bình", birth_date: "1985-03-04", gender: "2", citizen_id: ARRIVING, ethnicity: "01" },
    "2_recruitment": { recruited_on: "2008-09-01", recruiting_body: "Sở Giáo dục và Đào tạo Hà Nội" },
    "7_work_history": { periods: [{ from: "2008-09-01", unit: "Trường THPT Chu Văn An, Hà Nội", title: "Giáo viên" }] },
  },
};

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

  test("an arrival is read from the national database and its dossier marks the national items", async () => {
    const put = await fetch(`${simulator.url}/_sim/people/${ARRIVING}`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(arrivingRecord),
    });
    assert.equal(put.status, 204);
    const agency = await tokenOf(server.baseUrl, "sogddt");
    const scan = await api(server.baseUrl, agency, "POST", "/documents?file_name=qd-tiep-nhan.pdf", pdf("QĐ tiếp nhận"), "application/pdf");
    const units = await api(server.baseUrl, agency, "GET", "/units");
    const school = units.find((u) => u.code === "HY.SGDDT.THPTHY");
    await api(server.baseUrl, agency, "POST", "/transfers", {
      kind: "arrival", person_name: "Trần Thị Bình", to_unit_id: school.id, outside_body: "Sở GD&ĐT thành phố Hà Nội",
      effective_on: "2026-11-02", decision: { number: "12/QĐ-UBND", date: "2026-11-02", signer: "Giám đốc Sở", document_id: scan.id },
    });

    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/dieu-dong");
    const item = page.getByTestId("transfer-item").filter({ hasText: "Trần Thị Bình" });
    await item.locator('input[name="transfer.citizen_id"]').fill("001185999999");
    await item.getByRole("button", { name: "Tra cứu CSDL quốc gia" }).click();
    await item.getByText("Cơ sở dữ liệu quốc gia không có người mang số căn cước này", { exact: false }).waitFor();
    await item.locator('input[name="transfer.citizen_id"]').fill(ARRIVING);
    await item.getByRole("button", { name: "Tra cứu CSDL quốc gia" }).click();
    const found = item.getByTestId("national-record");
    await found.waitFor();
    assert.match(await found.innerText(), /Trần Thị Bình, sinh ngày 04\/03\/1985, mã định danh CB0000000777/);
    await item.getByRole("button", { name: "Tiếp nhận" }).click();
    await item.waitFor({ state: "detached" });

    const admin = await tokenOf(server.baseUrl, "quantri");
    const [dossier] = await api(server.baseUrl, admin, "GET", `/dossiers?q=${encodeURIComponent("Trần Thị Bình")}`);
    await page.goto(`${server.baseUrl}/ho-so/${dossier.id}`);
    await page.getByTestId("national-origin").waitFor();
    assert.match(await page.getByTestId("dossier-facts").innerText(), /mã định danh CB0000000777/);
    const birth = page.locator("label", { has: page.locator('input[name="identity.birth_date"]') });
    assert.equal(await birth.locator("[data-origin]").getAttribute("data-origin"), "national");
    // Entering a different value is shown against the national one.
    const name = page.locator("label", { has: page.locator('input[name="identity.full_name"]') });
    await name.locator("input").fill("Trần Thị Bình An");
    assert.equal(await name.locator("[data-origin]").getAttribute("data-origin"), "changed");
    assert.match(await name.locator("[data-origin]").innerText(), /CSDL quốc gia: Trần Thị Bình/);
    // The unknown citizen ID was refused on purpose (422).
    assert.deepEqual(consoleErrors.filter((e) => !/status of 422/.test(e)), []);
    await close();
  });

  test("a reconciliation lists a record the national database lost, and it is sent again", async () => {
    // The national database loses what it held of the province.
    const held = await (await fetch(simulator.url + "/_sim/state")).json();
    for (const [citizenId, record] of Object.entries(held.people)) {
      if (record.province !== "01") {
        assert.equal((await fetch(`${simulator.url}/_sim/people/${citizenId}`, { method: "DELETE" })).status, 204);
      }
    }
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/dong-bo-quoc-gia");
    // The connection runs under the demo's consent; a new decision replaces it.
    const consent = page.getByTestId("national-consent");
    assert.match(await consent.getByTestId("consent-state").innerText(), /Văn bản số 45\/QĐ-UBND/);
    await consent.getByText("Ghi nhận văn bản đồng ý mới").click();
    await consent.locator('input[name="consent.number"]').fill("120/QĐ-UBND");
    await consent.locator('input[name="consent.date"]').fill("2026-11-30");
    await consent.locator('input[name="consent.signer"]').fill("Chủ tịch UBND tỉnh");
    await consent.locator('input[name="consent.document"]').setInputFiles({
      name: "dong-y.pdf", mimeType: "application/pdf", buffer: pdf("Văn bản đồng ý chia sẻ dữ liệu"),
    });
    await consent.getByTestId("uploaded-document").filter({ hasText: "dong-y.pdf" }).waitFor();
    await consent.getByRole("button", { name: "Ghi nhận văn bản đồng ý" }).click();
    await consent.getByTestId("consent-state").filter({ hasText: "Văn bản số 120/QĐ-UBND ngày 30/11/2026" }).waitFor();
    await page.getByTestId("reconcile").click();
    const lost = page.locator('[data-testid="difference"][data-kind="missing_there"]');
    await lost.waitFor();
    assert.match(await lost.innerText(), /CSDL quốc gia không còn giữ/);
    await lost.getByTestId("difference-resend").click();
    await lost.getByText("Đã gửi lại").waitFor();
    // The message goes again and the national database holds the record once more.
    await page.getByTestId("national-counts").getByText("Đã nhận: 2").waitFor();
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("a correction the Ministry made is taken by Sở Nội vụ and carried into the draft", async () => {
    // At the Ministry: the province's record gets another birth day (same year: the citizen ID
    // encodes it).
    const held = await (await fetch(simulator.url + "/_sim/state")).json();
    const [citizenId, record] = Object.entries(held.people).find(([, r]) => r.province !== "01");
    const before = record.groups["1_identity"].birth_date;
    const corrected = before.slice(0, 8) + (before.endsWith("-02") ? "03" : "02");
    record.groups["1_identity"].birth_date = corrected;
    record.packet_sha256 = "d".repeat(64);
    delete record.updated_at;
    const put = await fetch(`${simulator.url}/_sim/people/${citizenId}`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(record),
    });
    assert.equal(put.status, 204);

    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/dong-bo-quoc-gia");
    await page.getByTestId("reconcile").click();
    const different = page.locator('[data-testid="difference"][data-kind="different"]');
    await different.waitFor();
    await different.getByTestId("difference-correction").click();
    await different.getByText("Đã chuyển bản hiệu chỉnh cho cơ quan quản lý").waitFor();

    const admin = await tokenOf(server.baseUrl, "quantri");
    const messages = await api(server.baseUrl, admin, "GET", "/national-sync/messages");
    await page.goto(`${server.baseUrl}/ho-so/${messages.items[0].dossier_id}`);
    const panel = page.getByTestId("national-correction");
    const change = panel.locator('[data-testid="correction-change"][data-item="identity.birth_date"]');
    await change.waitFor();
    assert.match(await change.innerText(), new RegExp(`3. Sinh ngày\\s+${before}\\s+${corrected}`));
    await panel.getByTestId("correction-apply").click();
    await panel.getByTestId("correction-done").waitFor();
    // Our date input shows the day as Vietnamese write it, whatever the browser's language.
    const [y, m, d] = corrected.split("-");
    assert.equal(await page.locator('input[name="identity.birth_date"]').inputValue(), `${d}/${m}/${y}`);
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("a person's exchanges with the national database are shown on their dossier", async () => {
    const admin = await tokenOf(server.baseUrl, "quantri");
    const messages = await api(server.baseUrl, admin, "GET", "/national-sync/messages");
    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(`${server.baseUrl}/ho-so/${messages.items[0].dossier_id}`);
    await page.getByTestId("open-national-log").click();
    const log = page.getByTestId("person-national-log");
    await log.waitFor();
    assert.match(await log.innerText(), /Nhận về/);
    assert.match(await log.innerText(), /POST \/cbccvc\/v1\/packets/);
    assert.ok((await log.getByTestId("national-log-entry").count()) >= 4);
    assert.deepEqual(consoleErrors, []);
    await close();
  });

  test("a new version of a national catalogue changes ours only as far as the administrator applies it", async () => {
    const admin = await tokenOf(server.baseUrl, "quantri");
    const ours = await api(server.baseUrl, admin, "GET", "/catalogs/ethnicities");
    const entries = ours.entries.map(({ origin, ...entry }) => entry);
    const relabelled = entries[1].code;
    entries[1] = { ...entries[1], label: "Tày (Thổ)" };
    entries.push({ code: "60", label: "Dân tộc mới" });
    const published = await fetch(`${simulator.url}/_sim/catalogs/ethnicities`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ entries }),
    });
    assert.equal(published.status, 200);

    const { page, consoleErrors, close } = await openPage(browser, server.baseUrl);
    await signIn(page, server.baseUrl, "quantri");
    await page.goto(server.baseUrl + "/danh-muc");
    await page.getByRole("link", { name: "Cập nhật danh mục từ CSDL quốc gia" }).click();
    await page.getByTestId("check-catalogs").click();
    await page.getByTestId("check-outcome").filter({ hasText: "Đã kiểm tra" }).waitFor();
    const update = page.locator('[data-testid="pending-catalog-update"][data-kind="ethnicities"]');
    await update.waitFor();
    assert.equal(await update.getByTestId("catalog-change").count(), 2);
    assert.match(await update.locator(`[data-code="${relabelled}"]`).innerText(), /Thay đổi tên\s+Tày\s+Tày \(Thổ\)/);
    // The new code waits for its decision: left out this time.
    await update.locator('[data-code="60"]').getByRole("checkbox").uncheck();
    await update.locator('input[name="catalog_update_reason"]').fill("Theo văn bản của Tổng cục Thống kê.");
    await update.getByRole("button", { name: "Áp dụng các thay đổi đã chọn" }).click();
    const decided = page.getByTestId("catalog-updates").locator('tr[data-state="accepted"]');
    await decided.waitFor();
    assert.match(await decided.innerText(), /không áp dụng: 60/);

    await page.goto(server.baseUrl + "/danh-muc/ethnicities");
    const row = page.getByTestId("catalog-entries").locator("tr", { hasText: "Tày (Thổ)" });
    await row.waitFor();
    assert.match(await row.innerText(), /Theo CSDL quốc gia/);
    assert.equal(await page.getByTestId("catalog-entries").locator("tr", { hasText: "Dân tộc mới" }).count(), 0);
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
