// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Select the whole link or code when a copy field gets focus.
  for (const field of document.querySelectorAll("input.copy")) {
    field.addEventListener("focus", () => field.select());
  }
  // Preselect the browser's own time zone on forms still showing the default.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const select of document.querySelectorAll("select[name='time_zone'][data-guess]")) {
    if (select.value === "UTC" && [...select.options].some((o) => o.value === zone)) {
      select.value = zone;
    }
  }
});
