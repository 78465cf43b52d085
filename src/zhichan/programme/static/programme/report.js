// The report form's figure rows: add a row, remove a row, and take the unit of a data element chosen by name.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  if (!form) return;
  const rows = form.querySelector("[data-figure-rows]");
  const template = document.getElementById("figure-row-template");

  function changed() {
    // Adding or removing a row is an edit: autosave and the unsaved-changes warning hear of it.
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }

  form.addEventListener("click", function (event) {
    if (event.target.closest("[data-add-row]")) {
      rows.appendChild(template.content.cloneNode(true));
      rows.lastElementChild.querySelector("input").focus();
    } else {
      const remove = event.target.closest("[data-remove-row]");
      if (!remove) return;
      const row = remove.closest("[data-figure-row]");
      if (rows.querySelectorAll("[data-figure-row]").length > 1) row.remove();
      else row.querySelectorAll("input").forEach((input) => (input.value = ""));
      changed();
    }
  });

  form.addEventListener("change", function (event) {
    if (event.target.name !== "figure_name") return;
    const option = [...document.querySelectorAll("#figure-names option")].find((o) => o.value === event.target.value);
    const unit = event.target.closest("[data-figure-row]").querySelector("[name=figure_unit]");
    if (option && !unit.value) unit.value = option.dataset.unit;
  });
})();
