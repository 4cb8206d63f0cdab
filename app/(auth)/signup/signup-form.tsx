"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Field, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { slugify } from "@/lib/tenants/slug";
import { signUpAction } from "../actions";
import { AuthForm, CredentialField } from "../auth-form";
import { LocalMailHint } from "../local-mail-hint";

const FIELDS = [
  { name: "name", label: "Your name", type: "text", autoComplete: "name" },
  { name: "email", label: "Work e-mail", type: "email", autoComplete: "email" },
  {
    name: "password",
    label: "Password",
    type: "password",
    autoComplete: "new-password",
    hint: "At least 10 characters",
  },
  { name: "companyName", label: "Company", type: "text", autoComplete: "organization" },
] as const;

/** `localMailDir`: the demo's local SMTP server's folder, when it is the configured one (see LocalMailHint). */
export function SignUpForm({ localMailDir }: { localMailDir: string | null }) {
  const [values, setValues] = useState({ name: "", email: "", password: "", companyName: "", slug: "" });
  const [slugEdited, setSlugEdited] = useState(false);
  const { execute, result, isPending } = useAction(signUpAction);
  if (result.data)
    return (
      <div className="space-y-4">
        <div data-testid="sign-up-sent" role="status" className="space-y-2 text-sm">
          <p className="font-medium">Check your inbox</p>
          <p className="text-slate-600">
            We sent a message to <strong>{result.data.email}</strong>. Open the link in it to confirm the address and
            start using your workspace. The link works once, for 24 hours.
          </p>
        </div>
        <LocalMailHint dir={localMailDir} />
      </div>
    );
  return (
    <AuthForm
      onSubmit={() => execute(values)}
      error={formError(result)}
      submitLabel="Create workspace"
      pending={isPending}
    >
      {FIELDS.map((f) => (
        <CredentialField
          key={f.name}
          label={f.label}
          name={f.name}
          type={f.type}
          autoComplete={f.autoComplete}
          hint={"hint" in f ? f.hint : undefined}
          error={fieldError(result, f.name)}
          value={values[f.name]}
          onChange={(value) => {
            const next = { ...values, [f.name]: value };
            if (f.name === "companyName" && !slugEdited) next.slug = slugify(value);
            setValues(next);
          }}
        />
      ))}
      <Field label="Workspace address" error={fieldError(result, "slug")} hint="Lowercase letters, digits and dashes">
        {(props) => (
          <div className="flex items-center rounded-md text-sm">
            <span className="rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-2 py-2 text-slate-500">
              /t/
            </span>
            <input
              {...props}
              name="slug"
              className={`${inputClass} rounded-l-none`}
              value={values.slug}
              onChange={(e) => {
                setSlugEdited(true);
                setValues({ ...values, slug: e.target.value });
              }}
            />
          </div>
        )}
      </Field>
    </AuthForm>
  );
}
