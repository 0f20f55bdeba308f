// Adds a row to a Django formset from its hidden empty form (crispy's table_inline_formset).
document.querySelectorAll("[data-formset]").forEach((box) => {
  const prefix = box.dataset.formset;
  const total = box.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const template = box.querySelector("tr.empty-form");
  box.querySelector("[data-add-row]").addEventListener("click", () => {
    const row = template.cloneNode(true);
    row.classList.remove("d-none", "empty-form");
    row.innerHTML = row.innerHTML.replaceAll("__prefix__", total.value);
    total.value = Number(total.value) + 1;
    template.parentNode.appendChild(row);
    row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { formsetName: prefix } }));
  });
});
