// A service's questions on its page: a question's choices show only while its type is "one of a list" (or while
// they hold text, so nothing typed is hidden). The page works without it: choices on another type are refused.
(() => {
  for (const row of document.querySelectorAll("[data-question]")) {
    const type = row.querySelector("select[name$='-type']");
    const choices = row.querySelector("[data-question-choices]");
    const text = choices && choices.querySelector("textarea");
    if (!type || !text) continue;
    const show = () => { choices.hidden = type.value !== "choice" && !text.value.trim(); };
    type.addEventListener("change", show);
    show();
  }
})();
