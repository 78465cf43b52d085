// A step refused on a long page (a record's page on a phone, its steps below the record): bring the open form
// with its errors into view, so the reason is read where it is given.
(function () {
  "use strict";
  const refused = document.querySelector("details[open] .invalid-feedback, details[open] .alert-danger");
  if (refused) refused.closest("details").scrollIntoView({ block: "start" });
})();
