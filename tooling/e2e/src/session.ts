import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { browserAvailable, launchChromium } from "./browser.ts";
import { startPlatform, type Platform } from "./platform.ts";

export interface BrowserSession {
  /** False where there is no Chromium (and REQUIRE_BROWSER isn't set): wrap tests in `describe.runIf`. */
  readonly run: boolean;
  platform: Platform;
  browser: Browser;
  /** The current test's context; closed after each test. */
  context?: BrowserContext;
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** One platform and one browser per test file; a fresh context (cookies, storage) per test. */
export function browserSession(): BrowserSession {
  const session = { run: browserAvailable() } as BrowserSession;
  session.newPage = async (options = {}) => {
    session.context = await session.browser.newContext(options);
    return session.context.newPage();
  };
  beforeAll(async () => {
    if (!session.run) return;
    [session.platform, session.browser] = await Promise.all([startPlatform(), launchChromium()]);
  });
  afterEach(async () => {
    await session.context?.close();
    session.context = undefined;
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.platform?.stop();
  });
  return session;
}
