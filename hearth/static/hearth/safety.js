// Quick exit: go at once to a plain page, replacing this one so Back doesn't return to it.
// The "Quick exit" link does it when clicked; pressing Escape twice quickly does it anywhere
// except while typing (in a field Escape keeps its everyday meaning, and a draft its words).
// Leaving first forgets everything this tab kept for Hearth, drafts included (drafts.js).
// Without JavaScript the link still works as an ordinary link.
(() => {
  const script = document.currentScript;
  const quietUrl = (script && script.dataset.quietUrl) || "/quiet/";
  const twiceWithin = 800; // milliseconds between the two presses of Escape
  // Inputs where Escape means nothing to the person typing; every other input takes words.
  const notTyped = new Set([
    "button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit",
  ]);

  const leave = (url) => {
    try {
      window.sessionStorage.clear(); // leaving leaves nothing behind, not even a half-written answer
    } catch {
      // storage turned off: there is nothing to forget
    }
    document.documentElement.hidden = true; // nothing left to glimpse while the next page loads
    window.location.replace(url || quietUrl);
  };

  const typingIn = (element) =>
    element instanceof HTMLElement &&
    (element.isContentEditable ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement ||
      (element instanceof HTMLInputElement && !notTyped.has(element.type)));

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-quick-exit]");
    if (link) {
      event.preventDefault();
      leave(link.href);
    }
  });

  let lastEscape = 0;
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || event.repeat || event.isComposing) return;
      if (typingIn(event.target)) {
        lastEscape = 0; // a press inside a field never counts towards leaving
        return;
      }
      const now = Date.now();
      if (now - lastEscape <= twiceWithin) {
        leave();
      } else {
        lastEscape = now;
      }
    },
    true,
  );
})();
