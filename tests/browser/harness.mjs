// Shared by the browser tests: start the real `hoso` binary on a fresh SQLite database and a
// free port, and a headless Debian Chromium driven by playwright-core. Everything waits on
// events (the server's "listening" line, elements appearing), never on time.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const HOSO_BIN = required("HOSO_BIN");
const STATIC_DIR = required("HOSO_STATIC_DIR");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`cargo xtask test\``);
  return value;
}

/**
 * Starts hoso on a new data directory; `seedDemo` loads the demo province first (without the
 * workflow's stories unless `stories`: a test builds its own cases from a known start), `init`
 * (`{provinceCode, admin, password}`) runs `hoso init` first. `setupToken()` resolves to the
 * one-time token the server prints on an empty database. `env` adds environment variables;
 * `beforeServe(dataDir)` runs after the set-up and before the server starts.
 */
export async function startServer({ seedDemo = false, stories = false, init = null, env: extra = {}, beforeServe = null } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "hoso-browser-"));
  const env = { ...process.env, HOSO_DATA_DIR: dataDir, HOSO_STATIC_DIR: STATIC_DIR, HOSO_LOG: "warn", ...extra };
  if (seedDemo) {
    const args = stories ? ["seed-demo"] : ["seed-demo", "--no-stories"];
    execFileSync(HOSO_BIN, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  }
  if (init) {
    execFileSync(HOSO_BIN, ["init", "--province-code", init.provinceCode, "--admin", init.admin], {
      env: { ...env, HOSO_ADMIN_PASSWORD: init.password },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  if (beforeServe) beforeServe(dataDir);
  const child = spawn(HOSO_BIN, ["--listen", "127.0.0.1:0", "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  // Standard error is passed on as it comes; the set-up token line is kept for the first-run test.
  const token = new Promise((resolve) => {
    createInterface({ input: child.stderr }).on("line", (line) => {
      process.stderr.write(line + "\n");
      const match = /^hoso setup token .*: (\S+)$/.exec(line);
      if (match) resolve(match[1]);
    });
  });
  const baseUrl = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const match = /^hoso listening on (http:\/\/\S+)$/.exec(line);
      match ? resolve(match[1]) : reject(new Error(`unexpected first line from hoso: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`hoso exited with ${code} before listening`)));
  });
  return {
    baseUrl,
    dataDir,
    setupToken: () => token,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // An English-language browser: what the SPA shows must not depend on it (issue #23).
      "--lang=en-US",
    ],
  });
}

/**
 * A page that records console errors and every request to a host other than the server's
 * (which it blocks): government intranets have no internet, so the SPA must need none.
 */
export async function openPage(browser, baseUrl) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const consoleErrors = [];
  const foreignRequests = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return { page, consoleErrors, foreignRequests, close: () => context.close() };
}

/** The password of every demo account (`hoso seed-demo`). */
export const DEMO_PASSWORD = "HoSo@demo2026";

/** Signs in as a demo account and waits for the shell to show who is signed in. */
export async function signIn(page, baseUrl, username) {
  await page.goto(baseUrl + "/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("user-name").waitFor();
}

/**
 * Picks a person in a people picker (issue #24): types `search` into the box labelled `label`
 * and clicks the match whose text is `choice` ("Name — Unit"). The server searches as one types.
 */
export async function pickPerson(scope, label, search, choice) {
  await scope.getByLabel(label, { exact: true }).fill(search);
  await scope.getByRole("listbox", { name: `Kết quả: ${label}` }).getByRole("button", { name: choice, exact: true }).click();
}
