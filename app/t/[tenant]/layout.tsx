import { requireSteward } from "@/lib/auth/guards";
import { membershipsOf } from "@/lib/auth/access";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { AppShell } from "@/components/shell/app-shell";
import { logoutAction } from "@/app/(auth)/actions";
import { stewardNav } from "@/components/shell/steward-nav";
import { loadStewardNavCounts } from "@/lib/incidents/nav-counts";

export default async function StewardLayout({ children, params }: LayoutProps<"/t/[tenant]">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  return (
    <AppShell
      area="Steward workspace"
      home={`/t/${tenant}`}
      items={stewardNav(tenant, await loadStewardNavCounts(access))}
      tenantSlug={tenant}
      memberships={await membershipsOf(access.user.id)}
      user={access.user}
      logout={logoutAction}
      roleLabel={ROLE_LABELS[access.membership.role]}
    >
      {children}
    </AppShell>
  );
}
