// Glossary notes shown on hover or focus can be dismissed with Escape (WCAG 1.4.13).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".term:hover, .term:focus-within").forEach((term) => term.classList.add("is-dismissed"));
});
document.addEventListener("focusin", (event) => {
  document.querySelectorAll(".term.is-dismissed").forEach((term) => {
    if (!term.contains(event.target)) term.classList.remove("is-dismissed");
  });
});
document.addEventListener("mouseover", (event) => {
  document.querySelectorAll(".term.is-dismissed").forEach((term) => {
    if (!term.contains(event.target)) term.classList.remove("is-dismissed");
  });
});
