// The page's first script (app/layout.tsx puts it in <head>, with the request's CSP nonce): it runs before React's, so
// it sees what a person types, ticks and picks while React's scripts load (and autofill that fires input events).
// React's hydration does not report those changes, and puts a pre-filled textarea's server text back over what was
// typed; useEarlyInput (early-input.ts) replays them from here. It also cancels the native submit of a client form that
// is not ready yet (the person submits again once it is): such a form needs React, and the browser would send its
// fields in the URL.

/** What the recorder leaves on `window`, for useEarlyInput and the browser tests. */
export type EarlyInputRecorder = {
  /** Each control changed by an event, with its value then (a textarea's is lost in the DOM at hydration). */
  typed: WeakMap<Element, string>;
  /** Containers whose early input has been replayed: their controls answer through React now. */
  ready: WeakSet<Element>;
};

export const EARLY_INPUT_GLOBAL = "__stewardEarlyInput";

/** Marks a form that needs React to submit (Form renders it). */
export const CLIENT_FORM_ATTRIBUTE = "data-client-form";

export const EARLY_INPUT_RECORDER = `(function () {
  if (window.${EARLY_INPUT_GLOBAL}) return;
  var typed = new WeakMap();
  var ready = new WeakSet();
  window.${EARLY_INPUT_GLOBAL} = { typed: typed, ready: ready };
  function record(event) {
    var control = event.target;
    var field = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement;
    if (field || control instanceof HTMLSelectElement) typed.set(control, control.value);
  }
  document.addEventListener("input", record, true);
  document.addEventListener("change", record, true);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("${CLIENT_FORM_ATTRIBUTE}") && !ready.has(form))
      event.preventDefault();
  }, true);
})();`;
