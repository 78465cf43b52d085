// Warn before leaving a page whose form has changes not yet saved. A form opts in with `data-warn-unsaved`
// (and `data-unsaved-dirty` when the server shows it again with unsaved input after an error). Submitting the
// form itself is not leaving it; a form saved in the background by htmx is clean again when the response
// carries the `zhichan:saved` event, unless more was typed while it was on its way.
(function () {
  "use strict";
  const edits = new WeakMap(); // form → number of edits so far
  const sent = new WeakMap(); // form → number of edits when the last background save left
  const dirty = new Set();

  function watched(element) {
    const form = element && (element.form || (element.closest && element.closest("form")));
    return form && form.hasAttribute("data-warn-unsaved") ? form : null;
  }

  function edited(event) {
    const form = watched(event.target);
    if (!form) return;
    edits.set(form, (edits.get(form) || 0) + 1);
    dirty.add(form);
  }

  document.addEventListener("input", edited);
  document.addEventListener("change", edited);
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) dirty.delete(event.target);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = watched(event.detail.elt);
    if (form) sent.set(form, edits.get(form) || 0);
  });
  document.addEventListener("zhichan:saved", function (event) {
    const form = watched(event.target);
    if (form && sent.get(form) === (edits.get(form) || 0)) dirty.delete(form);
  });
  document.querySelectorAll("form[data-warn-unsaved][data-unsaved-dirty]").forEach(function (form) {
    dirty.add(form);
  });
  window.addEventListener("beforeunload", function (event) {
    if ([...dirty].some((form) => form.isConnected)) {
      event.preventDefault();
      event.returnValue = ""; // older browsers show their own wording only when this is set
    }
  });
})();
