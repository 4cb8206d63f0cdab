-- A partner's user or API key sees a customer only where the partner has a part in that customer's experience: it
-- acquired them, served them (a transaction), handled one of their moments (an interaction), owns an incident or
-- feedback that names them. Before, the Customer table had only the tenant wall, so a partner session could read
-- every customer of the workspace (names and e-mail addresses) had any query of the app forgotten its filter.
--
-- A partner's context runs as its own role, steward_partner (lib/db/scope.ts switches to it for the transaction), and
-- the reading policy applies to that role alone. A policy for every role, with "app_partner_id() IS NULL OR …" for
-- the steward's context, was planned in the steward's context too, as if its test ran for each row: on the bench's
-- 200,000 customers a count took 400 ms instead of 9 (JIT compiling an expression it judged costly), and a join with
-- the 2 M transactions 5.7 s instead of 1.9; with the test in a function, 8.5 s (a nested loop instead of a hash
-- join). The steward's plans are now those of before.
--
-- steward_partner has steward_app's rights (and every policy that applies to steward_app). The tables' owner, the
-- migration role, must be a member to switch to it, so the policy applies to the owner too: it leaves it out by
-- name, since the owner runs the SECURITY DEFINER readers below and can alter the policies anyway.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'steward_partner') THEN
    CREATE ROLE steward_partner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT pg_has_role('steward_partner', 'steward_app', 'MEMBER') THEN
    GRANT steward_app TO steward_partner;
  END IF;
  IF current_setting('server_version_num')::int >= 160000 THEN
    -- From PostgreSQL 16 an owner with CREATEROLE (not a superuser) holds the roles it creates with ADMIN OPTION
    -- alone: a member, yet not allowed to SET ROLE to them. That held for steward_app too (the first migration's
    -- "is it a member" test passes), so the app's SET ROLE failed on such a server; both get SET here.
    IF NOT pg_has_role(current_user, 'steward_app', 'SET') THEN
      EXECUTE format('GRANT steward_app TO %I WITH SET TRUE', current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'steward_partner', 'SET') THEN
      EXECUTE format('GRANT steward_partner TO %I WITH SET TRUE', current_user);
    END IF;
  ELSIF NOT pg_has_role(current_user, 'steward_partner', 'MEMBER') THEN
    EXECUTE format('GRANT steward_partner TO %I', current_user);
  END IF;
END $$;

-- Not inlined (its SET clause): the policy's plan holds a call, not four subqueries.
CREATE FUNCTION partner_has_part_in_customer(p_tenant text, p_customer text, p_partner text)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM "Transaction" t
                 WHERE t."tenantId" = p_tenant AND t."customerId" = p_customer AND t."servingPartnerId" = p_partner)
      OR EXISTS (SELECT 1 FROM "Interaction" i
                 WHERE i."tenantId" = p_tenant AND i."customerId" = p_customer AND i."partnerId" = p_partner)
      OR EXISTS (SELECT 1 FROM "Incident" x
                 WHERE x."tenantId" = p_tenant AND x."customerId" = p_customer AND x."partnerId" = p_partner)
      OR EXISTS (SELECT 1 FROM "CustomerFeedback" f
                 WHERE f."tenantId" = p_tenant AND f."customerId" = p_customer AND f."partnerId" = p_partner)
$$;

CREATE POLICY partner_isolation ON "Customer" AS RESTRICTIVE FOR SELECT TO steward_partner
  USING (
    current_user <> 'steward_partner'
    OR "acquiringPartnerId" = app_partner_id()
    OR partner_has_part_in_customer("tenantId", "id", app_partner_id())
  );

-- A partner creates and updates only the customers it acquired, and deletes none.
CREATE POLICY partner_inserts ON "Customer" AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_partner_id() IS NULL OR "acquiringPartnerId" = app_partner_id());
CREATE POLICY partner_updates ON "Customer" AS RESTRICTIVE FOR UPDATE
  USING (app_partner_id() IS NULL OR "acquiringPartnerId" = app_partner_id())
  WITH CHECK (app_partner_id() IS NULL OR "acquiringPartnerId" = app_partner_id());
CREATE POLICY partner_deletes ON "Customer" AS RESTRICTIVE FOR DELETE
  USING (app_partner_id() IS NULL);

-- A partner may still name a customer it has not served yet (its first delivery to a customer the brand acquired,
-- an incident it reports by the customer's reference): these answer which of the given ids, or which reference,
-- exist in the workspace named (which must be the one in context), and return the id alone, never the customer's data.
CREATE FUNCTION known_customer_ids(p_tenant text, p_ids text[])
RETURNS TABLE ("id" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT c."id" FROM "Customer" c
  WHERE c."tenantId" = p_tenant AND p_tenant = app_tenant_id() AND c."id" = ANY (p_ids)
$$;

CREATE FUNCTION customer_id_of_ref(p_tenant text, p_ref text)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT c."id" FROM "Customer" c
  WHERE c."tenantId" = p_tenant AND p_tenant = app_tenant_id() AND c."externalRef" = p_ref
$$;

REVOKE ALL ON FUNCTION known_customer_ids(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION known_customer_ids(text, text[]) TO steward_app;
REVOKE ALL ON FUNCTION customer_id_of_ref(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION customer_id_of_ref(text, text) TO steward_app;
