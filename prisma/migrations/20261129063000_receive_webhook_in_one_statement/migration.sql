-- Written by hand (decision 013): a provider webhook is stored in one statement, so its
-- acknowledgement costs one round trip. The function scopes itself to the store like
-- primestore_product_page (decision 011): SECURITY INVOKER, so row-level security still applies
-- and the inserts are checked against the store they name; the setting is local to the statement's
-- transaction.
CREATE FUNCTION primestore_receive_webhook(store uuid, event_provider text, event_id text, event_type text, notification jsonb)
RETURNS boolean LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  inbox uuid;
BEGIN
  PERFORM set_config('app.tenant_id', store::text, true);
  INSERT INTO "inbox_events" ("id", "tenantId", "provider", "eventId", "type", "payload")
  VALUES (gen_random_uuid(), store, event_provider, event_id, event_type, notification)
  ON CONFLICT ("tenantId", "provider", "eventId") DO NOTHING
  RETURNING "id" INTO inbox;
  IF inbox IS NULL THEN
    RETURN false;
  END IF;
  INSERT INTO "outbox_events" ("id", "tenantId", "type", "payload")
  VALUES (gen_random_uuid(), store, 'payments.webhook_received', jsonb_build_object('inboxId', inbox));
  RETURN true;
END
$$;
