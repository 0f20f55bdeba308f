// Behaviour wired by data attributes, so that no page needs an inline handler (strict CSP).
// data-print: the button prints the page; data-autosubmit: changing the control submits its form.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
document.querySelectorAll("[data-autosubmit]").forEach((control) => {
  control.addEventListener("change", () => control.form.submit());
});
// data-error-summary: a form that came back with errors opens on their list, read out first.
document.querySelector("[data-error-summary]")?.focus();
// table-cards: each cell gets its column's name, which a phone shows above it (portal.css).
document.querySelectorAll("table.table-cards").forEach((table) => {
  const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  table.querySelectorAll("tbody tr").forEach((row) => {
    [...row.cells].forEach((cell, index) => {
      if (cell.colSpan === 1 && names[index]) cell.dataset.label = names[index];
    });
  });
});
// A table wider than its box scrolls sideways: the box takes the focus, so that the keyboard
// scrolls it too (WCAG 2.1.1), named after the table's heading.
function scrollableTables() {
  document.querySelectorAll(".table-responsive").forEach((box) => {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      const heading = box.closest("section, .card, main")?.querySelector("h1, h2, h3, caption");
      if (heading) box.setAttribute("aria-label", heading.textContent.trim());
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}
scrollableTables();
window.addEventListener("resize", scrollableTables);
// data-provinces (on a region select: its provinces by region key, "" the portal's; none chosen
// is data-default-region, else the portal's): the form's province controls offer the chosen
// region's only. data-province-fields names them; "*-province" is every table row's (and the
// hidden empty row's) province.
function followRegion(region) {
  const byRegion = JSON.parse(region.dataset.provinces);
  const provinces = byRegion[region.value || region.dataset.defaultRegion || ""] || [];
  region.dataset.provinceFields.split(" ").forEach((name) => {
    const selector = name.startsWith("*") ? `[name$="${name.slice(1)}"]` : `[name="${name}"]`;
    const controls = [...region.form.querySelectorAll(selector)];
    controls.filter((control) => control.tagName === "SELECT").forEach((select) => {
      const chosen = new Set([...select.selectedOptions].map((option) => option.value));
      select.replaceChildren(...[...select.options].filter((option) => option.value === ""));
      provinces.forEach(([key, label]) => select.add(new Option(label, key, false, chosen.has(String(key)))));
    });
    const boxes = controls.filter((control) => control.type === "checkbox");
    if (!boxes.length) return;
    const item = boxes[0].closest(".form-check");
    const chosen = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    const list = item.parentElement;
    boxes.forEach((box) => box.closest(".form-check").remove());
    provinces.forEach(([key, label], index) => {
      const copy = item.cloneNode(true);
      const box = copy.querySelector("input");
      box.id = `id_${name}_${index}`;
      box.value = key;
      box.checked = chosen.has(String(key));
      copy.querySelector("label").htmlFor = box.id;
      copy.querySelector("label").textContent = label;
      list.append(copy);
    });
  });
}
document.querySelectorAll("select[data-provinces]").forEach((region) => {
  region.addEventListener("change", () => followRegion(region));
});
