import { describe, expect, it } from "vitest";
import { passwordSchema, signUpSchema } from "@/lib/tenants/sign-up";
import { acceptInvitationSchema } from "@/lib/members/invitations";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/common-passwords";

// Issue 13, finding 10: a long password can still be one attackers try first.
describe("the password rule", () => {
  it.each(["password1234", "qwertyuiop", "1234567890", "QwertyUiop", "iloveyou123"])(
    "refuses the common password %s",
    (password) => {
      const result = passwordSchema.safeParse(password);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([COMMON_PASSWORD_MESSAGE]);
    },
  );

  it("says why, on sign-up and when accepting an invitation", () => {
    const signUp = signUpSchema.safeParse({
      name: "A",
      email: "a@b.test",
      password: "password1234",
      companyName: "Co",
      slug: "co-co",
    });
    expect(signUp.error?.issues).toEqual([
      expect.objectContaining({ path: ["password"], message: COMMON_PASSWORD_MESSAGE }),
    ]);
    const invite = acceptInvitationSchema.safeParse({ token: "t".repeat(43), name: "A", password: "1234567890" });
    expect(invite.error?.issues.map((i) => i.message)).toContain(COMMON_PASSWORD_MESSAGE);
  });

  it("keeps accepting uncommon passwords and still checks length first", () => {
    expect(passwordSchema.safeParse("correct-horse-battery-staple").success).toBe(true);
    expect(passwordSchema.safeParse("tulip-ferry-9-lantern").success).toBe(true);
    expect(passwordSchema.safeParse("short").error?.issues[0].message).toBe(
      "Use at least 10 characters for the password",
    );
  });
});
