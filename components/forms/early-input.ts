import { type RefObject, useLayoutEffect, useRef } from "react";
import { flushSync } from "react-dom";

// What a person types, ticks or picks before the page's scripts have run (a slow phone, a loaded machine, a browser
// restoring a form on "back") is in the DOM but not in React's state: React hydrates a controlled control without
// touching its value and records the typed value as already seen, so no change reaches the form. The form's next
// render then puts the server's value back, and a form that submits its state submits that value. adoptEarlyInput
// replays each such change through React's own change event, so the state holds it.

type Early =
  | { kind: "text"; control: HTMLInputElement | HTMLTextAreaElement; value: string }
  | { kind: "check"; control: HTMLInputElement; checked: boolean }
  | { kind: "select"; control: HTMLSelectElement; value: string }
  | { kind: "file"; control: HTMLInputElement };

const adopted = new WeakSet<Element>();

/**
 * A ref for the element that holds a component's fields (Form uses it for its <form>): its layout effect runs in the
 * commit that hydrated the fields, before any render could reset them.
 */
export function useEarlyInput<T extends HTMLElement>(): RefObject<T | null> {
  const container = useRef<T>(null);
  useLayoutEffect(() => {
    if (container.current) adoptEarlyInput(container.current);
  }, []);
  return container;
}

/**
 * Call as the container's fields have hydrated (a layout effect). What differs from the server's render is read at
 * once, before any render can put the server's values back; it is replayed in a microtask, once React has finished
 * committing and before any event of the person's, one field at a time with its render flushed: forms that build their
 * next state from the render's state (`{ ...values, name }`) would otherwise keep only the last field replayed.
 */
function adoptEarlyInput(container: HTMLElement) {
  const early: Early[] = [];
  for (const control of container.querySelectorAll("input, textarea, select")) {
    if (adopted.has(control)) continue;
    adopted.add(control);
    const changed = changedSinceServer(control);
    if (changed) early.push(changed);
  }
  if (early.length === 0) return;
  queueMicrotask(() => {
    for (const item of early) flushSync(() => replay(item));
  });
}

const NOT_TYPED = new Set(["button", "submit", "reset", "image", "hidden"]);

function changedSinceServer(control: Element): Early | null {
  if (control instanceof HTMLSelectElement) {
    const picked = Array.from(control.options).some((option) => option.selected !== option.defaultSelected);
    return !control.disabled && picked ? { kind: "select", control, value: control.value } : null;
  }
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) || control.disabled) return null;
  if (control instanceof HTMLInputElement && NOT_TYPED.has(control.type)) return null;
  if (control instanceof HTMLInputElement && control.type === "file") {
    return control.files?.length ? { kind: "file", control } : null;
  }
  if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
    // of a radio group, only the radio picked: the group's default, now unticked, follows React's state of it
    const changed =
      control.type === "checkbox"
        ? control.checked !== control.defaultChecked
        : control.checked && !control.defaultChecked;
    return changed ? { kind: "check", control, checked: control.checked } : null;
  }
  return control.value !== control.defaultValue ? { kind: "text", control, value: control.value } : null;
}

function replay(item: Early) {
  if (item.kind === "select" || item.kind === "file") {
    // neither has a watched value: React hands on every change event (a file chosen stays chosen)
    if (item.kind === "select") item.control.value = item.value;
    item.control.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (item.kind === "check") {
    // back to the other state where React watches `checked`, then a real click (React's change event for boxes)
    item.control.checked = !item.checked;
    item.control.click();
  } else {
    // React watches `value` through a property of the element's own: set there, React takes the server's value as the
    // last one it saw; set through the prototype's setter, the typed text goes back unseen, and the input event is a
    // change.
    const { control } = item;
    control.value = control.defaultValue;
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), "value")?.set?.call(control, item.value);
    control.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
