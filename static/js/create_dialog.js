// A missing person, organization, position or office created without leaving the form: each
// chooser of a kind that a[data-create-for] links to gets a "+" button; it opens the link's
// create page in a dialog (?dialog=1: the form alone), which saves it there and chooses the new
// record in that chooser (the page answers 201 with {id, text}: core.editing.PortalFormMixin).
"use strict";
{
  const $ = django.jQuery;
  const links = new Map();
  document.querySelectorAll("a[data-create-for]").forEach((link) => links.set(link.dataset.createFor, link));
  const closeLabel = document.querySelector("[data-close-label]")?.dataset.closeLabel || "×";
  const dialog = document.createElement("dialog");
  dialog.className = "create-dialog";
  dialog.setAttribute("aria-labelledby", "create-dialog-title");
  document.body.append(dialog);

  function addButtons(root) {
    root.querySelectorAll("select[data-chooses]").forEach((select) => {
      const link = links.get(select.dataset.chooses);
      if (!link || select.name.includes("__prefix__") || select.dataset.createButton) return;
      select.dataset.createButton = "1";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-success create-in-dialog";
      button.textContent = "+";
      button.title = link.textContent.trim();
      button.setAttribute("aria-label", button.title);
      button.addEventListener("click", () => open(link, select, button));
      const wrapper = document.createElement("div"); // the chooser and its + side by side
      wrapper.className = "chooser-with-create";
      const started = select.nextElementSibling?.classList.contains("select2") ? [select.nextElementSibling] : [];
      select.before(wrapper);
      wrapper.append(select, ...started, button); // a row added later has its select2 already
    });
  }

  function show(html, title, url, select, opener) {
    dialog.innerHTML =
      '<div class="d-flex justify-content-between align-items-start mb-2"><h2 class="h5 mb-0" id="create-dialog-title"></h2>' +
      '<button type="button" class="btn-close" data-dialog-close></button></div><div data-dialog-body></div>';
    dialog.querySelector("h2").textContent = title;
    dialog.querySelector("[data-dialog-close]").setAttribute("aria-label", closeLabel);
    dialog.querySelector("[data-dialog-close]").addEventListener("click", () => dialog.close());
    dialog.querySelector("[data-dialog-body]").innerHTML = html; // the portal's own form page
    const form = dialog.querySelector("form");
    if (!form) return;
    $(form).find(".admin-autocomplete").portalChooser();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const response = await fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" });
      if (response.status !== 201) {
        show(await response.text(), title, url, select, opener);
        dialog.querySelector("[data-error-summary]")?.focus();
        return;
      }
      const record = await response.json();
      select.append(new Option(record.text, record.id, true, true));
      $(select).trigger("change");
      dialog.close();
      opener.focus();
    });
  }

  async function open(link, select, opener) {
    const url = new URL(link.href, window.location.href);
    url.searchParams.set("dialog", "1");
    for (const [name, value] of Object.entries(window.portalNarrowing(select))) {
      url.searchParams.set(name.replace(/^narrow_/, ""), value); // a new position for the row's person
    }
    const response = await fetch(url, { credentials: "same-origin" });
    show(await response.text(), link.textContent.trim(), url, select, opener);
    dialog.showModal();
    dialog.querySelector("input:not([type=hidden]), select, textarea")?.focus();
  }

  addButtons(document);
  document.addEventListener("formset:added", (event) => addButtons(event.target));
}
