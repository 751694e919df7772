import { Form } from "@remix-run/react";

export interface IntentButtonProps {
  /** The hidden field naming what the intent is about, e.g. `{ name: "id", value: address.id }`. */
  target: { name: string; value: string };
  intent: string;
  label: string;
}

/**
 * A form of one secondary button that posts an intent about one thing (delete this address,
 * remove this line): a plain POST, so it works without JavaScript.
 */
export function IntentButton({ target, intent, label }: IntentButtonProps) {
  return (
    <Form method="post">
      <input type="hidden" name={target.name} value={target.value} />
      <button type="submit" name="intent" value={intent} className="button-secondary">
        {label}
      </button>
    </Form>
  );
}
