"use client";

import { CLIENT_FORM_ATTRIBUTE } from "./early-input-recorder";
import { useEarlyInput } from "./early-input";

/**
 * A <form> that keeps what was typed into it before the page's scripts ran (early-input.ts). Client components use it
 * in place of <form>: their controlled fields would otherwise lose that typing. Until it is ready, the page's first
 * script cancels its native submit (it needs React; a GET would put its fields in the URL), and the method is POST
 * should that script not have run.
 */
export function Form(props: Omit<React.ComponentProps<"form">, "ref">) {
  const form = useEarlyInput<HTMLFormElement>();
  // a form with a server function for action is React's to replay when sent early: holding it back would lose that
  const needsReact = typeof props.action !== "function";
  return <form ref={form} method="post" {...(needsReact ? { [CLIENT_FORM_ATTRIBUTE]: "" } : {})} {...props} />;
}
