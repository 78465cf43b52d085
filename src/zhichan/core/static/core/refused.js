// A form refused on a long page (a record's page on a phone, its steps below the record; a long entry form): bring
// the refused form into view — the open step, else the form holding the first error — with its first message
// in view too, and focus that message, so the reason is read (and announced) where it is given.
(function () {
  "use strict";
  const errors = ".invalid-feedback, .alert-danger";
  const message =
    document.querySelector(`details[open] :is(${errors})`) || document.querySelector(`main form :is(${errors})`);
  if (!message) return;
  // At once: a smooth scroll (Bootstrap's) would still be under way when the message's place is measured, and a
  // phone may cut it short.
  const form = message.closest("details[open]") || message.closest("form");
  form.scrollIntoView({ block: "start", behavior: "instant" });
  if (message.getBoundingClientRect().bottom > window.innerHeight) {
    message.scrollIntoView({ block: "center", behavior: "instant" });
  }
  message.setAttribute("tabindex", "-1");
  message.focus({ preventScroll: true });
})();
