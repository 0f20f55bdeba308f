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

  $.fn.portalChooser = function () {
    $.each(this, (i, element) => {
      $(element).select2({
        dropdownParent: $(element.closest("dialog") || document.body), // a dialog's list shows above it
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
    });
    return this;
  };

  $(() => $(".admin-autocomplete").not("[name*=__prefix__]").portalChooser());
  document.addEventListener("formset:added", (event) => $(event.target).find(".admin-autocomplete").portalChooser());
}
