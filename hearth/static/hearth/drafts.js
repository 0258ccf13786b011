// Drafts: what someone is writing in a form (an answer, a reply, a note, a thank-you, a
// reflection) survives an accidental reload or a tap away, and comes back when the page opens
// again with the field still empty. Sending a form sets its drafts aside: the next page forgets
// them once the form was taken, and brings them back when it shows the form's errors instead, so
// a refused save loses nothing. The quick exit (safety.js) forgets them all, and so does every
// page seen while nobody is signed in.
// Drafts live in sessionStorage, never localStorage: on a shared device, private words must not
// outlast the tab they were written in.
// Only words are kept: textareas and plain text inputs of forms that post, never passwords,
// e-mail addresses, codes, tokens or hidden fields. A field or form with data-no-draft opts out.
// Without JavaScript (or storage) every form works as before, only without drafts.
(() => {
  const PREFIX = "hearth-draft:";
  const SENT = "hearth-sent:"; // drafts of a form on its way, until the next page says how it went
  const notWords = /\b(off|one-time-code|username|email|current-password|new-password|cc-\S+)\b/;
  const secretName = /pass|e-?mail|code|token|secret|key/i;

  let store;
  try {
    store = window.sessionStorage;
    store.getItem(PREFIX); // throws where storage is turned off
  } catch {
    return;
  }

  const keysStartingWith = (prefix) => {
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  };
  const draftKeys = () => keysStartingWith(PREFIX);

  // Signed out (after logging out, or before anyone logs in): the next person sees nothing.
  const session = document.querySelector("meta[name='hearth-session']");
  if (!session || session.content !== "signed-in") {
    for (const key of [...draftKeys(), ...keysStartingWith(SENT)]) store.removeItem(key);
    return;
  }

  // The page after a sent form: errors on it mean the save was refused, so the words come back.
  const refused = document.querySelector(".errorlist, .error-summary, .form-problem, .field-error");
  for (const key of keysStartingWith(SENT)) {
    const words = store.getItem(key);
    store.removeItem(key);
    if (refused && words) store.setItem(PREFIX + key.slice(SENT.length), words);
  }

  const draftable = (field) => {
    const isWords =
      field instanceof HTMLTextAreaElement ||
      (field instanceof HTMLInputElement && field.type === "text");
    if (!isWords || !field.name || !field.form || field.form.method !== "post") return false;
    if (field.readOnly || field.disabled || secretName.test(field.name)) return false;
    if (field.closest("[data-no-draft]") || field.form.hasAttribute("data-no-draft")) return false;
    return !notWords.test((field.getAttribute("autocomplete") || "").toLowerCase());
  };

  // Which field, wherever its form is shown: where the form sends it, its name and its id.
  const fieldPart = (field) => {
    const action = new URL(field.form.getAttribute("action") || "", location.href).pathname;
    return `|${action}|${field.name}|${field.id}`;
  };
  const keyFor = (field) => PREFIX + location.pathname + fieldPart(field);

  const restoreWithin = (root) => {
    for (const field of root.querySelectorAll("textarea, input")) {
      if (!draftable(field) || field.value !== "") continue;
      const draft = store.getItem(keyFor(field));
      if (draft) field.value = draft;
    }
  };

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (document.documentElement.hidden || !draftable(field)) return; // hidden: the quick exit
    try {
      if (field.value.trim() === "") store.removeItem(keyFor(field));
      else store.setItem(keyFor(field), field.value);
    } catch {
      // storage full: the words stay in the field, as they would without drafts
    }
  });

  document.addEventListener("submit", (event) => {
    if (!(event.target instanceof HTMLFormElement)) return;
    const sent = [...event.target.elements].filter(draftable).map(fieldPart);
    for (const key of draftKeys()) {
      if (!sent.some((part) => key.endsWith(part))) continue;
      const words = store.getItem(key);
      store.removeItem(key);
      try {
        store.setItem(SENT + key.slice(PREFIX.length), words);
      } catch {
        // storage full: the form is on its way anyway
      }
    }
  });

  restoreWithin(document);
  // Parts of a page that htmx brings in later get their drafts back too.
  document.addEventListener("htmx:load", (event) => {
    if (event.target instanceof Element) restoreWithin(event.target);
  });
})();
