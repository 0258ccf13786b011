// Quick exit: go at once to a plain page, replacing this one so Back doesn't return to it.
// The "Quick exit" link does it when clicked; pressing Escape twice quickly does it anywhere.
// Without JavaScript the link still works as an ordinary link.
(() => {
  const script = document.currentScript;
  const quietUrl = (script && script.dataset.quietUrl) || "/quiet/";
  const twiceWithin = 800; // milliseconds between the two presses of Escape

  const leave = (url) => {
    document.documentElement.hidden = true; // nothing left to glimpse while the next page loads
    window.location.replace(url || quietUrl);
  };

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
