// The one script: "Copy citation" puts the server-formatted reference on the clipboard.
// The buttons stay hidden where this does not run; everything else on the page works without it.
"use strict";

document.querySelectorAll("button.copy").forEach((button) => {
  const status = button.nextElementSibling;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.citation);
      status.textContent = "Citation copied.";
    } catch (error) {
      status.textContent = "Could not copy the citation: " + error.message;
    }
  });
});
