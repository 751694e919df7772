-- Written by hand (decision 019): a checkout reads what it prices against in one statement and
-- writes its order in another, instead of ~20 ORM statements in an interactive transaction. Both
-- functions scope themselves to the store like primestore_product_page (decision 011): SECURITY
-- INVOKER, so row-level security still decides what they see and checks what they write; the
-- setting is local to the statement's transaction, and a transaction scoped to another store is
-- refused rather than re-scoped.

-- Time-ordered ids, as Prisma's uuid(7) default makes them for rows the ORM inserts.
CREATE FUNCTION primestore_uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

CREATE FUNCTION primestore_scope_to_store(store uuid, caller text) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(current_setting('app.tenant_id', true), '') NOT IN ('', store::text) THEN
    RAISE EXCEPTION '%: transaction is scoped to another store', caller USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('app.tenant_id', store::text, true);
END
$$;

-- Holds `quantity` units of a variant at the first own location that has them free, and returns
-- that location (NULL when none has them). The guarded UPDATE is atomic, so two shoppers racing for
-- the last unit can't both hold it. Matched by key, not ctid: when a concurrent hold of the same row
-- commits first, the row's new version has another ctid, and an UPDATE aimed at the old one would
-- match nothing and report stock that is there as gone.
CREATE FUNCTION primestore_reserve_stock(store uuid, variant uuid, quantity int) RETURNS uuid LANGUAGE sql VOLATILE SECURITY INVOKER AS $$
  UPDATE "inventory_levels" SET "reserved" = "reserved" + quantity, "updatedAt" = now()
  WHERE "tenantId" = store AND "variantId" = variant AND "locationId" = (
    SELECT "locationId" FROM "inventory_levels"
    WHERE "tenantId" = store AND "variantId" = variant AND "onHand" - "reserved" >= quantity
    ORDER BY "locationId" LIMIT 1 FOR UPDATE
  ) AND "onHand" - "reserved" >= quantity
  RETURNING "locationId"
$$;

-- Everything a checkout is priced and checked against: the order already placed under this
-- idempotency key (a retry), the store's checkout settings and commission, its active provider
-- accounts, the sellable variants asked for with their price in the currency, and the chosen
-- shipping rate if it is active in that currency. Amounts that may exceed 2^53 are text.
CREATE FUNCTION primestore_checkout_basis(store uuid, idempotency_key text, variant_ids uuid[], price_currency char(3), rate_id uuid) RETURNS json
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
DECLARE
  basis json;
BEGIN
  PERFORM primestore_scope_to_store(store, 'primestore_checkout_basis');
  SELECT json_build_object(
    'placed', (
      SELECT json_build_object(
        'id', o."id", 'number', o."number", 'status', o."status", 'total', o."total"::text, 'currency', o."currency", 'email', o."email",
        'payment', (SELECT json_build_object('id', p."id", 'status', p."status", 'providerPaymentId', p."providerPaymentId")
                    FROM "payments" p WHERE p."tenantId" = o."tenantId" AND p."orderId" = o."id" ORDER BY p."createdAt", p."id" LIMIT 1))
      FROM "orders" o WHERE o."tenantId" = store AND o."idempotencyKey" = idempotency_key),
    'store', (SELECT json_build_object('name', t."name", 'commissionBps', t."commissionBps", 'checkout', t."checkout") FROM "tenants" t WHERE t."id" = store),
    'activeProviders', (SELECT coalesce(json_agg(a."provider" ORDER BY a."provider"), '[]') FROM "payment_accounts" a WHERE a."tenantId" = store AND a."status" = 'active'),
    'variants', (
      SELECT coalesce(json_agg(json_build_object(
               'id', v."id", 'sku', v."sku", 'title', v."title", 'productTitle', pr."title", 'weightGrams', v."weightGrams", 'price', vp."amount")), '[]')
      FROM "variants" v
      JOIN "products" pr ON pr."tenantId" = v."tenantId" AND pr."id" = v."productId" AND pr."status" = 'active'
      LEFT JOIN "variant_prices" vp ON vp."tenantId" = v."tenantId" AND vp."variantId" = v."id" AND vp."currency" = price_currency
      WHERE v."tenantId" = store AND v."id" = ANY (variant_ids)),
    'rate', (SELECT row_to_json(r) FROM "shipping_rates" r WHERE r."tenantId" = store AND r."id" = rate_id AND r."active" AND r."currency" = price_currency)
  ) INTO basis;
  RETURN basis;
END
$$;

-- A priced order with its pending payment, in one statement: order (numbered from the store's
-- counter), fulfilment group, lines, shipping address, first status, payment, and a stock hold
-- per line. The holds come last and in variant order: the stock rows, which every checkout of a
-- variant shares, stay locked for the least time, and two orders never lock them in opposite
-- orders. A line without enough free stock fails the whole statement with SQLSTATE PS409 and
-- the variant as DETAIL. Holds from a cart name it, so an unpaid order can give the cart back.
CREATE FUNCTION primestore_place_order(store uuid, draft jsonb) RETURNS json
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
DECLARE
  order_id uuid := primestore_uuid7();
  payment_id uuid := primestore_uuid7();
  group_id uuid := primestore_uuid7();
  order_number bigint;
  hold_until timestamp(3) := (draft->'payment'->>'expiresAt')::timestamptz AT TIME ZONE 'UTC';
  cart uuid := (draft->>'cartId')::uuid;
  line record;
  held_at uuid;
BEGIN
  PERFORM primestore_scope_to_store(store, 'primestore_place_order');
  INSERT INTO "tenant_counters" ("tenantId", "name", "value") VALUES (store, 'order', 1)
  ON CONFLICT ("tenantId", "name") DO UPDATE SET "value" = "tenant_counters"."value" + 1
  RETURNING "value" INTO order_number;

  INSERT INTO "orders" ("id", "tenantId", "number", "customerId", "email", "currency", "locale", "subtotal", "shippingTotal", "shippingMethod", "total", "idempotencyKey", "updatedAt")
  SELECT order_id, store, order_number, o."customerId", o."email", o."currency", o."locale", o."subtotal", o."shippingTotal", o."shippingMethod", o."total", o."idempotencyKey", now()
  FROM jsonb_to_record(draft->'order') AS o("customerId" uuid, "email" text, "currency" char(3), "locale" text, "subtotal" bigint, "shippingTotal" bigint, "shippingMethod" text, "total" bigint, "idempotencyKey" text);

  INSERT INTO "fulfillment_groups" ("id", "tenantId", "orderId", "source") VALUES (group_id, store, order_id, 'own');
  INSERT INTO "order_lines" ("id", "tenantId", "orderId", "fulfillmentGroupId", "variantId", "sku", "title", "quantity", "unitPrice", "total")
  SELECT primestore_uuid7(), store, order_id, group_id, l."variantId", l."sku", l."title", l."quantity", l."unitPrice", l."total"
  FROM ROWS FROM (jsonb_to_recordset(draft->'lines') AS ("variantId" uuid, "sku" text, "title" text, "quantity" int, "unitPrice" int, "total" bigint))
    WITH ORDINALITY AS l("variantId", "sku", "title", "quantity", "unitPrice", "total", "position")
  ORDER BY l."position";

  INSERT INTO "order_addresses" ("id", "tenantId", "orderId", "kind", "name", "line1", "number", "line2", "district", "city", "region", "postalCode", "country", "phone", "taxId")
  SELECT primestore_uuid7(), store, order_id, 'shipping', a."name", a."line1", a."number", a."line2", a."district", a."city", a."region", a."postalCode", a."country", a."phone", a."taxId"
  FROM jsonb_to_record(draft->'address') AS a("name" text, "line1" text, "number" text, "line2" text, "district" text, "city" text, "region" text, "postalCode" text, "country" char(2), "phone" text, "taxId" text);

  INSERT INTO "order_status_changes" ("id", "tenantId", "orderId", "status") VALUES (primestore_uuid7(), store, order_id, 'pending_payment');

  INSERT INTO "payments" ("id", "tenantId", "orderId", "provider", "method", "amount", "interestAmount", "installments", "currency", "expiresAt", "idempotencyKey", "updatedAt")
  SELECT payment_id, store, order_id, p."provider"::"PaymentProvider", p."method"::"PaymentMethod", p."amount", p."interestAmount", p."installments", p."currency", hold_until, 'order:' || order_id, now()
  FROM jsonb_to_record(draft->'payment') AS p("provider" text, "method" text, "amount" bigint, "interestAmount" bigint, "installments" int, "currency" char(3));

  FOR line IN
    SELECT l."variantId", l."quantity" FROM jsonb_to_recordset(draft->'lines') AS l("variantId" uuid, "quantity" int) ORDER BY l."variantId"
  LOOP
    held_at := primestore_reserve_stock(store, line."variantId", line."quantity");
    IF held_at IS NULL THEN
      RAISE EXCEPTION 'Not enough stock for %', line."variantId" USING ERRCODE = 'PS409', DETAIL = line."variantId"::text;
    END IF;
    INSERT INTO "inventory_reservations" ("id", "tenantId", "variantId", "locationId", "orderId", "cartId", "quantity", "status", "expiresAt")
    VALUES (primestore_uuid7(), store, line."variantId", held_at, order_id, cart, line."quantity", 'active', hold_until);
  END LOOP;

  RETURN json_build_object('id', order_id, 'number', order_number, 'paymentId', payment_id);
END
$$;

GRANT EXECUTE ON FUNCTION primestore_uuid7(), primestore_scope_to_store(uuid, text), primestore_reserve_stock(uuid, uuid, int),
  primestore_checkout_basis(uuid, text, uuid[], char(3), uuid), primestore_place_order(uuid, jsonb)
  TO primestore_app, primestore_admin;
