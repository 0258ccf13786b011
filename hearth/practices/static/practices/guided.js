// Guided mode: one step at a time, a countdown for timed steps, and the screen kept on where
// the phone allows it. Without this script the page is a plain numbered list. Its words come
// from the page (data-* on [data-guided]), already in the reader's language.
(() => {
  const root = document.querySelector("[data-guided]");
  if (!root) return;
  const words = root.dataset;
  const steps = [...root.querySelectorAll("ol.steps > li")];
  const guide = root.querySelector(".guide");
  const count = guide.querySelector(".step-count");
  const text = guide.querySelector(".step-text");
  const timer = guide.querySelector(".timer");
  const back = guide.querySelector("[data-back]");
  const next = guide.querySelector("[data-next]");
  const start = guide.querySelector("[data-timer]");
  let index = 0;
  let remaining = 0;
  let ticking = null;
  let wakeLock = null;

  const keepScreenOn = async () => {
    try {
      if ("wakeLock" in navigator && !wakeLock) wakeLock = await navigator.wakeLock.request("screen");
    } catch (error) {
      wakeLock = null; // not allowed here (battery saver, say): the timer still runs
    }
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && ticking) { wakeLock = null; keepScreenOn(); }
  });

  const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const stop = () => { clearInterval(ticking); ticking = null; };

  const show = () => {
    stop();
    const step = steps[index];
    const seconds = parseInt(step.dataset.seconds || "0", 10);
    count.textContent = words.stepCount.replace("{n}", index + 1).replace("{total}", steps.length);
    text.textContent = step.firstChild.textContent.trim();
    remaining = seconds;
    timer.hidden = !seconds;
    start.hidden = !seconds;
    start.textContent = words.start;
    timer.textContent = seconds ? clock(seconds) : "";
    timer.classList.remove("done");
    back.disabled = index === 0;
    next.textContent = index === steps.length - 1 ? words.finish : words.nextStep;
    text.focus();
  };

  start.addEventListener("click", () => {
    if (ticking) { stop(); start.textContent = words.carryOn; return; }
    keepScreenOn();
    start.textContent = words.pause;
    ticking = setInterval(() => {
      remaining -= 1;
      timer.textContent = clock(Math.max(remaining, 0));
      if (remaining <= 0) {
        stop();
        timer.textContent = words.timeUp;
        timer.classList.add("done");
        start.hidden = true;
        if ("vibrate" in navigator) navigator.vibrate(200);
      }
    }, 1000);
  });
  back.addEventListener("click", () => { if (index > 0) { index -= 1; show(); } });
  next.addEventListener("click", () => {
    if (index < steps.length - 1) { index += 1; show(); return; }
    stop();
    const reflect = document.getElementById("reflect");
    reflect.scrollIntoView({ behavior: "smooth" });
    reflect.querySelector("h2").setAttribute("tabindex", "-1");
    reflect.querySelector("h2").focus();
  });

  root.querySelector("ol.steps").hidden = true;
  guide.hidden = false;
  show();
})();
