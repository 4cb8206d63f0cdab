import { cn } from "@/lib/cn";

/** An input's look without its width, for controls that set their own width (`${inputBase} w-44`). */
export const inputBase =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-500 aria-invalid:border-red-500 aria-invalid:ring-red-100";
/** A full-width input. */
export const inputClass = `block w-full ${inputBase}`;

// Field keeps state (its message hides once edited), so it lives in a client module; the class
// names above stay here for server components.
export { Field } from "./field-control";

export function FormMessage({ tone = "error", children }: { tone?: "error" | "success"; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <div
      data-testid={tone === "error" ? "form-error" : "form-success"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        tone === "error"
          ? "bg-red-50 text-red-700 ring-1 ring-red-200"
          : "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
      )}
    >
      {children}
    </div>
  );
}
