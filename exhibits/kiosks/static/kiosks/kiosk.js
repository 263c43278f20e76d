/* Tárló kiosk: screens, language and large text, idle reset, offline copy and heartbeat. */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("kiosk-config").textContent);
  const root = document.documentElement;
  const CACHE = "tarlo-kiosk";
  const trail = [];
  let screen = "attract";
  let language = config.defaultLanguage;
  let idleTimer = null;
  let hasNewContent = false;

  function screens() {
    return document.querySelectorAll("[data-screen]:not(body)");
  }

  function show(name, { remember = true } = {}) {
    if (!document.querySelector(`[data-screen="${CSS.escape(name)}"]`)) return;
    if (remember && name !== screen) trail.push(screen);
    screen = name;
    screens().forEach((element) => { element.hidden = element.dataset.screen !== name; });
    document.body.dataset.screen = name;
    window.scrollTo(0, 0);
    focusHeading();
  }

  function focusHeading() {
    const heading = document.querySelector(
      `.kiosk-language[data-language="${language}"] [data-screen="${CSS.escape(screen)}"] h1`
    );
    if (heading) heading.focus({ preventScroll: true });
  }

  function setLanguage(code) {
    language = code;
    root.lang = code;
    document.querySelectorAll(".kiosk-language").forEach((block) => {
      block.hidden = block.dataset.language !== code;
    });
  }

  function setLargeText(on) {
    root.classList.toggle("large-text", on);
    document.querySelectorAll('[data-action="large-text"]').forEach((button) => {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  function reset() {
    if (hasNewContent) {
      window.location.reload();
      return;
    }
    trail.length = 0;
    setLanguage(config.defaultLanguage);
    setLargeText(false);
    show("attract", { remember: false });
  }

  function touched() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(reset, config.idleSeconds * 1000);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.go) show(button.dataset.go);
    else if (button.dataset.action === "back") show(trail.pop() || "attract", { remember: false });
    else if (button.dataset.languageSwitch) { setLanguage(button.dataset.languageSwitch); focusHeading(); }
    else if (button.dataset.action === "large-text") setLargeText(!root.classList.contains("large-text"));
  });
  ["pointerdown", "touchstart", "keydown", "wheel", "scroll"].forEach((type) => {
    document.addEventListener(type, touched, { capture: true, passive: true });
  });
  // A kiosk offers no context menu, dragging or pinch-zoom to get lost in.
  ["contextmenu", "dragstart", "selectstart", "gesturestart"].forEach((type) => {
    document.addEventListener(type, (event) => event.preventDefault());
  });
  document.addEventListener("touchmove", (event) => {
    if (event.touches && event.touches.length > 1) event.preventDefault();
  }, { passive: false });

  async function keepOfflineCopy() {
    if (config.isPreview || !("serviceWorker" in navigator) || !("caches" in window)) return;
    await navigator.serviceWorker.register(config.serviceWorkerUrl, { scope: "/kiosk/" });
    const cache = await caches.open(CACHE);
    const wanted = config.assets.map((url) => new URL(url, window.location.href).href);
    const page = new URL(window.location.pathname, window.location.href).href;
    for (const url of wanted) {
      if (url === page || !(await cache.match(url))) await cache.add(url);
    }
    const keep = new Set(wanted);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!keep.has(request.url) && !(url.pathname.startsWith("/kiosk/") && url.pathname !== window.location.pathname)) {
        await cache.delete(request);
      }
    }
    root.dataset.offline = "ready";
  }

  /* The kiosk's secret token, issued in the admin. A technician opens the kiosk once at
     /kiosk/<slug>/#token=<token>: the fragment never reaches the server, the token is kept in
     this browser's storage and taken out of the address. The page itself is public and cached,
     so the token is never in it. */
  function kioskToken() {
    const key = `tarlo-kiosk-token:${config.heartbeatUrl}`;
    const given = new URLSearchParams(window.location.hash.slice(1)).get("token");
    if (given) {
      window.localStorage.setItem(key, given);
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    return window.localStorage.getItem(key) || "";
  }

  async function heartbeat() {
    try {
      const response = await fetch(config.heartbeatUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${kioskToken()}` },
        body: JSON.stringify({ content_version: config.contentVersion }),
        cache: "no-store",
      });
      if (!response.ok) return;
      const answer = await response.json();
      if (answer.content_version !== config.contentVersion) {
        hasNewContent = true;
        if (screen === "attract") window.location.reload();
      }
    } catch (error) {
      // Offline: keep running from the offline copy and ask again later.
    }
  }

  setLanguage(config.defaultLanguage);
  touched();
  if (!config.isPreview) {
    keepOfflineCopy().catch(() => { root.dataset.offline = "failed"; });
    window.setInterval(heartbeat, config.heartbeatSeconds * 1000);
    heartbeat();
  }
})();
