import { createShippedOrder } from "@primestore/db/testing";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../axe.ts";
import { screenshot } from "../browser.ts";
import { findMail } from "../mail.ts";
import { browserSession } from "../session.ts";

const session = browserSession();
const { run } = session;

/** The reset link, from the email the worker wrote into the platform's mail directory. */
function resetLinkFor(email: string): Promise<string> {
  return findMail(session.platform.mailDir, `reset email for ${email}`, (eml) =>
    eml.includes(`To: ${email}`) ? eml.match(/https?:\/\/\S+\/account\/reset-password\?token=\S+/)?.[0] : undefined,
  );
}

describe.runIf(run)("a customer account on the en store", () => {
  it("signs up, signs out, resets the password by email, signs in and finds the order placed as a guest", async () => {
    const email = "casey-account@example.com";
    const summit = await session.platform.database.admin.tenant.findUniqueOrThrow({ where: { slug: "summit" } });
    // Bought as a guest before having an account: the reset link proves the mailbox and claims it.
    const guestOrder = await createShippedOrder(session.platform.database.admin, { tenantId: summit.id, number: 9001, email });

    const page = await session.newPage({ locale: "en" });
    await page.goto(session.platform.storeUrl("summit", "/"));
    await Promise.all([page.waitForURL(/\/account\/sign-in/), page.getByRole("link", { name: "My account" }).click()]);
    await Promise.all([page.waitForURL(/\/account\/sign-up/), page.getByRole("link", { name: "Create one now" }).click()]);
    await page.getByLabel("Name").fill("Casey Account");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Please check this field.").waitFor();
    expect(await session.platform.database.admin.customer.count({ where: { email } })).toBe(0);

    await page.getByLabel("Password").fill("casey's first password");
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole("button", { name: "Create account" }).click()]);
    await page.getByRole("heading", { name: "Hello, Casey Account!" }).waitFor();
    expect(await page.getByText("You haven't placed any orders with this account yet.").isVisible()).toBe(true);
    const reloaded = await page.reload();
    expect(reloaded?.headers()["cache-control"]).toBe("private, no-store");

    await Promise.all([page.waitForURL((url) => url.pathname === "/"), page.getByRole("button", { name: "Sign out" }).click()]);
    await page.goto(session.platform.storeUrl("summit", "/account"));
    await page.waitForURL(/\/account\/sign-in\?redirectTo=%2Faccount/);

    await Promise.all([page.waitForURL(/\/account\/forgot-password/), page.getByRole("link", { name: "Forgot your password?" }).click()]);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send link" }).click();
    await page.getByText(`If this store has an account for ${email}`).waitFor();

    const link = await resetLinkFor(email);
    expect(link.startsWith(session.platform.storeUrl("summit", "/en/account/reset-password?token="))).toBe(true);
    const resetPage = await page.goto(link);
    expect(resetPage?.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByLabel("New password", { exact: true }).fill("casey's second password");
    await Promise.all([page.waitForURL(/\/account\/sign-in\?reset=done/), page.getByRole("button", { name: "Save new password" }).click()]);
    await page.getByText("Password changed. Sign in with your new password.").waitFor();

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("casey's second password");
    await Promise.all([page.waitForURL(/\/en\/account$|\/account$/), page.getByRole("button", { name: "Sign in" }).click()]);
    const orderLink = page.getByRole("link", { name: `Order #${guestOrder.number}` });
    await orderLink.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "storefront-account-orders-en");

    await orderLink.click();
    await page.getByRole("heading", { name: `Order #${guestOrder.number}` }).waitFor();
    await page.getByText("BR123456789BR").waitFor();
    expect(await page.getByText("Correios").isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "storefront-account-order-en");

    // The link worked once; a second use is refused.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("casey's third password");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByText("This reset link has expired or was already used.").waitFor();
  });

  it("keeps addresses and looks up a guest order without JavaScript", async () => {
    const page = await session.newPage({ locale: "en", javaScriptEnabled: false });
    await page.goto(session.platform.storeUrl("summit", "/account/sign-up"));
    await page.getByLabel("Name").fill("Nora NoScript");
    await page.getByLabel("Email").fill("nora@example.com");
    await page.getByLabel("Password").fill("nora's password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Hello, Nora NoScript!" }).waitFor();

    await page.getByRole("link", { name: "Addresses" }).click();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Save address" }) }).last();
    const address: Array<[string, string]> = [
      ["Name", "Nora"],
      ["Street", "1 Main St"],
      ["City", "Boulder"],
      ["State", "CO"],
      ["ZIP code", "80302"],
      ["Country", "US"],
    ];
    for (const [label, value] of address) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: "Save address" }).click();
    await page.getByText("Address saved.").waitFor();
    expect(await page.getByText("Default address", { exact: true }).isVisible()).toBe(true);
    await screenshot(page, "storefront-account-addresses-en");

    await page.goto(session.platform.storeUrl("summit", "/order-lookup"));
    await page.getByLabel("Email").fill("casey-account@example.com");
    await page.getByLabel("Order number").fill("9001");
    await page.getByRole("button", { name: "Look up" }).click();
    await page.getByText("BR123456789BR").waitFor();
  });
});
