// Adds a row to a Django formset from its hidden empty form (core/includes/_table_formset.html),
// then focuses the row's first control and says so to screen readers (the box's live region).
document.querySelectorAll("[data-formset]").forEach((box) => {
  const prefix = box.dataset.formset;
  const total = box.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const template = box.querySelector("tr.empty-form");
  const announcer = box.querySelector("[data-row-added]");
  box.querySelector("[data-add-row]").addEventListener("click", () => {
    const row = template.cloneNode(true);
    row.classList.remove("d-none", "empty-form");
    row.innerHTML = row.innerHTML.replaceAll("__prefix__", total.value);
    total.value = Number(total.value) + 1;
    template.parentNode.appendChild(row);
    row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { formsetName: prefix } }));
    const first = row.querySelector(".select2-selection, input:not([type=hidden]), select:not(.select2-hidden-accessible), textarea");
    if (first) first.focus();
    if (announcer) {
      const rows = template.parentNode.querySelectorAll("tr:not(.empty-form):not(.row-error-line)").length;
      announcer.textContent = announcer.dataset.rowAdded.replace("__number__", rows);
    }
  });
});
