-- Written by hand (decision 019): a paid payment is settled in one statement, and every ledger
-- posting is written by one function, instead of ~18 ORM statements.

-- Books one business event exactly once, in the caller's store scope (it does not scope itself:
-- row-level security checks the rows against the store the transaction is scoped to). The
-- transaction row is unique per (store, kind, reference): a retry or a concurrent twin finds the
-- first posting and writes nothing. `entries` are the netted lines postTransaction checked
-- (account, kind, amount, currency), in its lock order; the accounts are created on first use
-- (ON CONFLICT DO NOTHING waits for a concurrent first use, and the next statement sees its row).
-- All entries go in one INSERT: the balance trigger checks them per statement.
CREATE FUNCTION primestore_post_ledger(store uuid, posting_kind text, posting_reference text, posting_description text, entries jsonb)
  RETURNS TABLE (posted boolean, "transactionId" uuid)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
DECLARE
  created uuid;
  written bigint;
BEGIN
  INSERT INTO "ledger_transactions" ("id", "tenantId", "kind", "reference", "description")
  VALUES (primestore_uuid7(), store, posting_kind, posting_reference, posting_description)
  ON CONFLICT ("tenantId", "kind", "reference") DO NOTHING
  RETURNING "id" INTO created;
  IF created IS NULL THEN
    RETURN QUERY SELECT false, t."id" FROM "ledger_transactions" t WHERE t."tenantId" = store AND t."kind" = posting_kind AND t."reference" = posting_reference;
    RETURN;
  END IF;
  INSERT INTO "ledger_accounts" ("id", "tenantId", "code", "kind", "currency")
  SELECT primestore_uuid7(), store, e."account", e."kind"::"LedgerAccountKind", e."currency"
  FROM ROWS FROM (jsonb_to_recordset(entries) AS ("account" text, "kind" text, "currency" char(3))) WITH ORDINALITY AS e("account", "kind", "currency", "position")
  ORDER BY e."position"
  ON CONFLICT ("tenantId", "code", "currency") DO NOTHING;
  -- Stamped when written, not when the transaction began: a payout's statement ends at the payout
  -- row's creation, and the payout's own entry, written after it in the same transaction, is not in it.
  INSERT INTO "ledger_entries" ("id", "tenantId", "transactionId", "accountId", "amount", "currency", "createdAt")
  SELECT primestore_uuid7(), store, created, a."id", e."amount", e."currency", clock_timestamp()
  FROM jsonb_to_recordset(entries) AS e("account" text, "amount" bigint, "currency" char(3))
  JOIN "ledger_accounts" a ON a."tenantId" = store AND a."code" = e."account" AND a."currency" = e."currency";
  GET DIAGNOSTICS written = ROW_COUNT;
  IF written <> jsonb_array_length(entries) THEN
    RAISE EXCEPTION 'ledger %/%: % of % entries found their account', posting_kind, posting_reference, written, jsonb_array_length(entries) USING ERRCODE = 'check_violation';
  END IF;
  RETURN QUERY SELECT true, created;
END
$$;

-- A pending payment is paid (settlePaymentInTx documents the rules): under the payment's row lock,
-- only a pending one moves, so paying twice commits once. Its stock holds leave the shelf (last,
-- in the lock order of every settlement: variant, then location), the capture is booked with the
-- entries and commission the caller computed for this amount (refused if the amount is not the
-- payment's), the order is paid, and `order.paid` and the caller's `also_record` events are
-- recorded. Returns whether this call settled it.
CREATE FUNCTION primestore_settle_paid(store uuid, payment_id uuid, report jsonb, capture jsonb, also_record jsonb)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
DECLARE
  paying record;
  hold record;
BEGIN
  PERFORM primestore_scope_to_store(store, 'primestore_settle_paid');
  SELECT p."orderId", p."amount" INTO paying FROM "payments" p WHERE p."tenantId" = store AND p."id" = payment_id AND p."status" = 'pending' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF paying."amount" <> (capture->>'amount')::bigint THEN
    RAISE EXCEPTION 'payment % is % but its capture was computed for %', payment_id, paying."amount", capture->>'amount' USING ERRCODE = 'check_violation';
  END IF;
  UPDATE "payments" SET "status" = 'paid', "providerPaymentId" = coalesce(report->>'providerPaymentId', "providerPaymentId"),
    "details" = coalesce(report->'details', "details"), "updatedAt" = now()
  WHERE "id" = payment_id;

  IF (SELECT l."posted" FROM primestore_post_ledger(store, 'capture', payment_id::text, NULL, capture->'entries') l) THEN
    UPDATE "payments" SET "capturedAmount" = paying."amount", "commissionAmount" = (capture->>'commission')::bigint WHERE "id" = payment_id;
  END IF;
  UPDATE "orders" SET "status" = 'paid', "updatedAt" = now() WHERE "id" = paying."orderId" AND "status" = 'pending_payment';
  INSERT INTO "order_status_changes" ("id", "tenantId", "orderId", "status") VALUES (primestore_uuid7(), store, paying."orderId", 'paid');
  INSERT INTO "outbox_events" ("id", "tenantId", "type", "payload")
  SELECT primestore_uuid7(), store, e."type", e."payload"
  FROM ROWS FROM (jsonb_to_recordset(jsonb_build_array(jsonb_build_object('type', 'order.paid', 'payload', jsonb_build_object('orderId', paying."orderId", 'paymentId', payment_id))) || also_record)
         AS ("type" text, "payload" jsonb)) WITH ORDINALITY AS e("type", "payload", "position")
  ORDER BY e."position";
  -- Last: the stock rows are what concurrent checkouts of the same variants wait for.
  FOR hold IN
    SELECT r."variantId", r."locationId", r."quantity" FROM "inventory_reservations" r
    WHERE r."tenantId" = store AND r."orderId" = paying."orderId" AND r."status" = 'active' ORDER BY r."variantId", r."locationId"
  LOOP
    UPDATE "inventory_levels" SET "onHand" = "onHand" - hold."quantity", "reserved" = "reserved" - hold."quantity", "updatedAt" = now()
    WHERE "tenantId" = store AND "variantId" = hold."variantId" AND "locationId" = hold."locationId";
  END LOOP;
  UPDATE "inventory_reservations" SET "status" = 'committed' WHERE "tenantId" = store AND "orderId" = paying."orderId" AND "status" = 'active';

  RETURN true;
END
$$;

-- The balance check looks each touched transaction up by its index (a join against the
-- transition table could be planned as a scan of every entry).
CREATE OR REPLACE FUNCTION primestore_assert_ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced text;
BEGIN
  SELECT string_agg(sums."transactionId"::text || ' ' || sums.currency || ' ' || sums.total::text, ', ') INTO unbalanced
  FROM (SELECT DISTINCT n."tenantId", n."transactionId" FROM inserted n) touched
  CROSS JOIN LATERAL (
    SELECT touched."transactionId", e.currency, sum(e.amount) AS total
    FROM "ledger_entries" e
    WHERE e."tenantId" = touched."tenantId" AND e."transactionId" = touched."transactionId"
    GROUP BY e.currency
  ) sums
  WHERE sums.total <> 0;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transactions do not balance: %', unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

GRANT EXECUTE ON FUNCTION primestore_post_ledger(uuid, text, text, text, jsonb), primestore_settle_paid(uuid, uuid, jsonb, jsonb, jsonb)
  TO primestore_app, primestore_admin;
