// The one script: "Copy citation" puts the server-formatted reference, in the style picked beside it, on the
// clipboard. The picker and buttons stay hidden where this does not run; everything else works without it.
"use strict";

document.querySelectorAll("button.copy").forEach((button) => {
  const status = button.nextElementSibling;
  const style = button.parentElement.querySelector("select.citation-style");
  button.hidden = false;
  if (style) style.hidden = false;
  button.addEventListener("click", async () => {
    const chosen = style ? style.selectedOptions[0] : null;
    const text = chosen ? chosen.dataset.citation : button.dataset.citation;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Citation copied.";
    } catch (error) {
      status.textContent = "Could not copy the citation: " + error.message;
    }
  });
});
