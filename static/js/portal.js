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
