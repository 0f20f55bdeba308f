// The portal's choosers: select2 as Django's admin starts it (admin/js/autocomplete.js), plus
// data-narrowed-by: the value of those fields of the same form row narrows the choices
// (narrow_person=7 offers that person's positions: core.editing.ChooserView).
"use strict";
{
  const $ = django.jQuery;

  function narrowing(element) {
    // Also read by create_dialog.js (window.portalNarrowing): a new position is for the row's person.
    const query = {};
    const base = element.name.slice(0, element.name.length - element.dataset.fieldName.length);
    for (const name of (element.dataset.narrowedBy || "").split(" ").filter(Boolean)) {
      const other = element.form && element.form.elements[base + name];
      if (other && other.value) query[`narrow_${name}`] = other.value;
    }
    return query;
  }

  window.portalNarrowing = narrowing;

  function accessible(element) {
    // select2 names its box after the chosen value only: named after the field first, then the value;
    // a multiple chooser's search box gets the field's name too (axe: aria-input-field-name, label).
    const container = element.nextElementSibling;
    const selection = container.querySelector(".select2-selection");
    const rendered = container.querySelector(".select2-selection__rendered");
    let name = element.labels[0];
    if (!name) {
      name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = element.getAttribute("aria-label") || "";
      container.append(name);
    }
    name.id ||= `${element.id}-name`;
    if (element.multiple) {
      container.querySelector(".select2-search__field").setAttribute("aria-labelledby", name.id);
    } else {
      rendered.removeAttribute("role");
      rendered.removeAttribute("aria-readonly");
      selection.setAttribute("aria-labelledby", `${name.id} ${rendered.id}`);
      selection.addEventListener("keydown", (event) => openByTyping(element, event));
      $(element).on("select2:open", () => {
        // The open list's search box and list are named and tied to the box (ARIA 1.2 combobox).
        const search = document.querySelector(".select2-container--open .select2-search--dropdown .select2-search__field");
        if (search) search.setAttribute("aria-labelledby", name.id);
        selection.setAttribute("aria-controls", selection.getAttribute("aria-owns") || "");
      });
      $(element).on("select2:close", () => selection.removeAttribute("aria-controls"));
    }
  }

  function openByTyping(element, event) {
    // A letter typed on a closed chooser opens it and starts its search with that letter.
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === " ") return;
    event.preventDefault();
    $(element).select2("open");
    const search = document.querySelector(".select2-container--open .select2-search__field");
    if (search) {
      search.value = event.key;
      search.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function forgetOnChange(element) {
    // A choice narrowed by another field of its row (a position by its person) is emptied when
    // that field changes: the old person's position would be refused on saving.
    const base = element.name.slice(0, element.name.length - element.dataset.fieldName.length);
    for (const name of (element.dataset.narrowedBy || "").split(" ").filter(Boolean)) {
      const other = element.form && element.form.elements[base + name];
      if (other) $(other).on("change", () => element.value && $(element).val(null).trigger("change"));
    }
  }

  $.fn.portalChooser = function () {
    $.each(this, (i, element) => {
      $(element).select2({
        dropdownParent: $(element.closest("dialog") || document.body), // a dialog's list shows above it
        // The list tells records of one name apart (a meeting's day, a person's position); the box shows the name.
        templateResult: (item) => (item.detail ? `${item.text} (${item.detail})` : item.text),
        ajax: {
          data: (params) => ({
            term: params.term,
            page: params.page,
            app_label: element.dataset.appLabel,
            model_name: element.dataset.modelName,
            field_name: element.dataset.fieldName,
            ...narrowing(element),
          }),
        },
      });
      accessible(element);
      forgetOnChange(element);
    });
    return this;
  };

  $(() => $(".admin-autocomplete").not("[name*=__prefix__]").portalChooser());
  document.addEventListener("formset:added", (event) => $(event.target).find(".admin-autocomplete").portalChooser());
}
