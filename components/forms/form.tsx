"use client";

import { CLIENT_FORM_ATTRIBUTE } from "./early-input-recorder";
import { useEarlyInput } from "./early-input";

/**
 * A <form> that keeps what was typed into it before the page's scripts ran (early-input.ts). Client components use it
 * in place of <form>: their controlled fields would otherwise lose that typing. Until it is ready, the page's first
 * script holds back its native submit (it needs React; a GET would put its fields in the URL), and the method is POST
 * should that script not have run.
 */
export function Form(props: Omit<React.ComponentProps<"form">, "ref">) {
  const form = useEarlyInput<HTMLFormElement>();
  return <form ref={form} method="post" {...{ [CLIENT_FORM_ATTRIBUTE]: "" }} {...props} />;
}
