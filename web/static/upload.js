// The library's upload form, enhanced: files may be dropped on it, and each is sent to POST /api/documents
// on its own with the admin token as a Bearer header, so progress and each file's outcome show as they come.
// Without this script the same form posts all files to /documents and the page that comes back says the same.
"use strict";

const form = document.querySelector("form.upload-form");
if (form) {
  const input = form.querySelector("input[type=file]");
  const zone = form.querySelector(".drop-zone");
  const progress = form.querySelector("progress");
  const button = form.querySelector("button[type=submit]");
  const results = document.querySelector(".upload-results");

  zone.querySelector(".drop-hint").hidden = false;
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    input.files = event.dataTransfer.files;
  });

  const report = (text, kind) => {
    const item = document.createElement("li");
    item.className = kind;
    item.textContent = text;
    results.append(item);
    return item;
  };

  const send = async (file, token) => {
    const body = new FormData();
    body.append("files", file);
    const collection = form.elements.collection?.value;
    const response = await fetch(collection ? `/api/documents?collection=${encodeURIComponent(collection)}` : "/api/documents", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body,
    });
    const reply = await response.json().catch(() => ({ detail: `${response.status} ${response.statusText}` }));
    if (!response.ok) {
      throw new Error(reply.detail);
    }
    return reply.documents.map((document) => document.id);
  };

  // The table and its summary line from a fresh copy of this page, so added documents appear in place.
  const refresh = async () => {
    const page = new DOMParser().parseFromString(await (await fetch(location.pathname + location.search)).text(), "text/html");
    for (const selector of [".index-info", "table.library"]) {
      const fresh = page.querySelector(selector);
      if (fresh) {
        document.querySelector(selector).replaceWith(fresh);
      }
    }
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const files = Array.from(input.files);
    const token = form.elements.token.value.trim();
    results.replaceChildren();
    progress.max = files.length;
    progress.value = 0;
    progress.hidden = false;
    button.disabled = true;
    for (const file of files) {
      const item = report(`${file.name}: adding and indexing…`, "pending");
      try {
        const ids = await send(file, token);
        item.className = "ok";
        item.textContent = `${file.name}: added ${ids.join(", ")}`;
      } catch (error) {
        item.className = "error";
        item.textContent = `${file.name}: ${error.message}`;
      }
      progress.value += 1;
    }
    await refresh();
    button.disabled = false;
  });
}
