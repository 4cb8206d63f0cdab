import { requirePartner } from "@/lib/auth/guards";
import { membershipsOf } from "@/lib/auth/access";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { AppShell } from "@/components/shell/app-shell";
import { logoutAction } from "@/app/(auth)/actions";
import { partnerNav } from "@/components/shell/partner-nav";

export default async function PortalLayout({ children, params }: LayoutProps<"/portal/[tenant]">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  return (
    <AppShell
      area={`Partner portal · ${access.partner.name}`}
      home={`/portal/${tenant}`}
      items={partnerNav(tenant)}
      tenantSlug={tenant}
      memberships={await membershipsOf(access.user.id)}
      user={access.user}
      logout={logoutAction}
      roleLabel={`${ROLE_LABELS[access.membership.role]} · ${access.partner.name}`}
    >
      {children}
    </AppShell>
  );
}
