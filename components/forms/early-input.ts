import { type RefObject, useLayoutEffect, useRef } from "react";
import { flushSync } from "react-dom";
import { EARLY_INPUT_GLOBAL, type EarlyInputRecorder } from "./early-input-recorder";

// What a person types, ticks or picks before the page's scripts have run (a slow phone, a loaded machine; autofill
// that fires input events) is not in React's state: React hydrates a controlled control without reporting its value
// (and puts a pre-filled textarea's server text back), so the form's next render shows the server's values again, and
// a form that submits its state submits those. The recorder (early-input-recorder.ts) saw each such change; here each
// one is replayed through React's own change event, so the state holds it. ADR 017.

type Early =
  | { kind: "text"; control: HTMLInputElement | HTMLTextAreaElement; value: string }
  | { kind: "check"; control: HTMLInputElement; checked: boolean }
  | { kind: "select"; control: HTMLSelectElement; values: string[] }
  | { kind: "file"; control: HTMLInputElement };

const NOT_TYPED = new Set(["button", "submit", "reset", "image", "hidden"]);
const adopted = new WeakSet<HTMLElement>();

/**
 * A ref for the element that holds a component's controls (Form puts it on its <form>). Its layout effect runs in the
 * commit that mounted them: after hydration, before any render could reset them.
 */
export function useEarlyInput<T extends HTMLElement>(): RefObject<T | null> {
  const container = useRef<T>(null);
  useLayoutEffect(() => {
    if (container.current) adoptEarlyInput(container.current);
  }, []);
  return container;
}

/**
 * What the recorder saw is read at once; it is replayed in a microtask, once React has finished its commit, one
 * control at a time with its render flushed: forms that build their next state from the render's state
 * (`{ ...values, name }`) would otherwise keep only the last control replayed.
 */
function adoptEarlyInput(container: HTMLElement) {
  const recorder = (window as unknown as Record<string, EarlyInputRecorder | undefined>)[EARLY_INPUT_GLOBAL];
  // once per container: an effect run again on the same elements (Strict Mode, Fast Refresh, a boundary shown again)
  // would replay what was recorded after hydration
  if (!recorder || adopted.has(container)) return;
  adopted.add(container);
  const early: Early[] = [];
  for (const control of container.querySelectorAll("input, textarea, select")) {
    const typed = recorder.typed.get(control);
    if (typed === undefined) continue;
    recorder.typed.delete(control);
    const item = earlyChange(control, typed);
    if (item && !reportedByCurrentEvent(item)) early.push(item);
  }
  if (early.length === 0) {
    recorder.ready.add(container);
    return;
  }
  queueMicrotask(() => {
    for (const item of early) {
      try {
        flushSync(() => replay(item));
      } catch (error) {
        reportError(error); // as uncaught (console, onerror), and the other controls are replayed still
      }
    }
    recorder.ready.add(container);
  });
}

function earlyChange(control: Element, typed: string): Early | null {
  if (control instanceof HTMLSelectElement) {
    const values = Array.from(control.selectedOptions, (option) => option.value);
    return control.disabled ? null : { kind: "select", control, values };
  }
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) || control.disabled) return null;
  // what equals the server's value is what React's state holds already
  if (control instanceof HTMLTextAreaElement)
    return typed === control.defaultValue ? null : { kind: "text", control, value: typed };
  if (NOT_TYPED.has(control.type)) return null;
  if (control.type === "file") return control.files?.length ? { kind: "file", control } : null;
  if (control.type === "checkbox") return { kind: "check", control, checked: control.checked };
  // of a radio group, only the radio picked last: the others follow React's state of it
  if (control.type === "radio") return control.checked ? { kind: "check", control, checked: true } : null;
  return typed === control.defaultValue ? null : { kind: "text", control, value: typed };
}

/**
 * An event on a control not yet hydrated makes React hydrate it there and then, and hand that same event on. A select
 * or a file input fires `input`, then `change`, and React reports either's `change` (neither has a watched value): the
 * `change` to come reaches onChange, so a replay would make it twice.
 */
function reportedByCurrentEvent(item: Early) {
  const current = window.event;
  return (
    (item.kind === "select" || item.kind === "file") &&
    (current?.type === "input" || current?.type === "change") &&
    current.target === item.control
  );
}

function replay(item: Early) {
  if (item.kind === "select") {
    for (const option of item.control.options) option.selected = item.values.includes(option.value);
    item.control.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (item.kind === "file") {
    item.control.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (item.kind === "check") {
    // React watches `checked` through a property of the element's own (an undocumented part of React, covered by
    // tests/e2e/steward/early-input.spec.ts): set there to the other state, then a real click, React's change event
    // for boxes, brings the state the person left
    item.control.checked = !item.checked;
    item.control.click();
  } else {
    // the same for `value`: set through React's property to something else, then back to what was typed through the
    // prototype's setter, which React does not see; the input event then differs from what React saw: a change
    const { control } = item;
    control.value = control.defaultValue;
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), "value")?.set?.call(control, item.value);
    control.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
