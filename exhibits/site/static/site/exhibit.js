// The day strip marks the day of the panel being read (aria-current), and keeps it in view.
(() => {
  const strip = document.querySelector("[data-day-strip]");
  const panels = [...document.querySelectorAll(".panel")];
  if (!strip || !panels.length || !("IntersectionObserver" in window)) return;
  const links = new Map([...strip.querySelectorAll("a[data-day]")].map((link) => [link.dataset.day, link]));
  const visible = new Set();
  const mark = () => {
    const reading = panels.find((panel) => visible.has(panel));
    const day = reading && reading.dataset.day;
    links.forEach((link, key) => {
      if (key === day) {
        if (!link.hasAttribute("aria-current")) {
          link.setAttribute("aria-current", "true");
          const left = link.offsetLeft - strip.clientWidth / 2 + link.offsetWidth / 2;
          strip.scrollTo({ left: Math.max(0, left) });
        }
      } else {
        link.removeAttribute("aria-current");
      }
    });
  };
  const observer = new IntersectionObserver(
    (entries) => {
      entries.forEach((entry) => (entry.isIntersecting ? visible.add(entry.target) : visible.delete(entry.target)));
      mark();
    },
    { rootMargin: "-45% 0px -50% 0px" },
  );
  panels.forEach((panel) => observer.observe(panel));
})();
