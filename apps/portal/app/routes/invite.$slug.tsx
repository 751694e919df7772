import { MIN_PASSWORD_LENGTH } from "@primestore/api";
import { isLocale } from "@primestore/i18n";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";
import { invariantResponse } from "../lib/http.server.ts";

/** The link from the invitation email: /invite/<store>?token=… */
function linkOf(request: Request, slug: string | undefined) {
  const token = new URL(request.url).searchParams.get("token");
  invariantResponse(slug && token, "INVITE_INVALID", 400);
  return { store: slug, token };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = linkOf(request, params.slug);
  const { api } = await serverApi(request);
  const invitation = await api.team.invitation(link).catch(throwForPage(request));
  return { invitation, minPasswordLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const link = linkOf(request, params.slug);
  const form = await request.formData();
  const name = String(form.get("name") ?? "").trim();
  const { api, headers } = await serverApi(request);
  try {
    const locale = form.get("locale");
    const { store } = await api.team.acceptInvite({ ...link, ...(name ? { name } : {}), ...(isLocale(locale) ? { locale } : {}), password: String(form.get("password") ?? "") });
    // The procedure signed the new member in: its cookie is on `headers`.
    return redirect(`/stores/${store}`, { headers });
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ code: failure.code, name, invalid: failure.invalidFields }, { status: failure.status });
  }
}

export default function InvitationPage() {
  const { invitation, minPasswordLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const role = invitation.roleName ?? t(`portal.roles.${invitation.role}`);
  return (
    <section className="narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("portal.invitation.title", { store: invitation.storeName })}</h1>
      <p>{t("portal.invitation.intro", { store: invitation.storeName, role })}</p>
      <p>{t("portal.invitation.asAccount", { email: invitation.email })}</p>
      <p className="muted">{invitation.hasAccount ? t("portal.invitation.existingHint") : t("portal.invitation.newHint", { min: minPasswordLength })}</p>
      <Form method="post">
        <FormError message={failed ? t(`errors.${failed.code}`) : null} />
        <input type="hidden" name="locale" value={i18n.language} />
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        {invitation.hasAccount ? null : (
          <Field name="name" label={t("portal.invitation.name")} autoComplete="name" required maxLength={120} defaultValue={failed?.name} />
        )}
        <Field
          name="password"
          type="password"
          label={t("portal.invitation.password")}
          autoComplete={invitation.hasAccount ? "current-password" : "new-password"}
          required
          minLength={invitation.hasAccount ? undefined : minPasswordLength}
          error={failed?.invalid.includes("password") ? t("forms.invalid") : undefined}
        />
        <SubmitButton label={t("portal.invitation.submit")} />
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
