-- An open action's owner is reminded once, two days before its due day (lib/plans/reminder-sweep.ts); only overdue
-- actions were mailed before.
ALTER TABLE "PlanAction" ADD COLUMN "remindedAt" TIMESTAMP(3);

-- Like due_plan_action_escalations(): run with the migration role's rights (its read-only policies on both tables),
-- it returns only (tenantId, actionId) pairs, and each reminder is then sent inside withTenant. The conditions are
-- lib/plans/progress.ts reminderDue()'s: open, in an accepted plan, inside the window and not overdue, not reminded,
-- and added and accepted before the window opened.
CREATE FUNCTION due_plan_action_reminders(p_now timestamp, p_days integer, p_limit integer)
RETURNS TABLE ("tenantId" text, "actionId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT a."tenantId", a."id"
  FROM "PlanAction" a
  JOIN "CorrectivePlan" p ON p."tenantId" = a."tenantId" AND p."id" = a."planId"
  WHERE a."status" = 'OPEN'
    AND a."remindedAt" IS NULL
    AND p."status" IN ('ACCEPTED', 'IN_PROGRESS')
    AND a."dueOn" - p_days <= p_now
    AND a."dueOn" + 1 > p_now
    AND a."createdAt" < a."dueOn" - p_days
    AND p."acceptedAt" < a."dueOn" - p_days
  ORDER BY a."dueOn"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_plan_action_reminders(timestamp, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_plan_action_reminders(timestamp, integer, integer) TO steward_app;
