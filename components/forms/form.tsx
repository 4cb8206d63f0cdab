"use client";

import { useEarlyInput } from "./early-input";

/**
 * A <form> that keeps what was typed into it before the page's scripts ran (early-input.ts). Client components use it
 * in place of <form>: their controlled fields would otherwise lose that typing.
 */
export function Form(props: Omit<React.ComponentProps<"form">, "ref">) {
  const form = useEarlyInput<HTMLFormElement>();
  return <form ref={form} {...props} />;
}
