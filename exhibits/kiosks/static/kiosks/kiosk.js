/* Tárló kiosk: draws one screen at a time from the exhibit's data (exhibits.kiosks.kiosk_page), in
   either language and text size; warns before an idle reset; keeps an offline copy; reports to the
   server. Every text is set as text; only exhibit markup, made safe on the server, is set as HTML. */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("kiosk-config").textContent);
  const data = JSON.parse(document.getElementById("kiosk-exhibit").textContent);
  const root = document.documentElement;
  const stage = document.getElementById("kiosk-stage");
  const bar = document.getElementById("kiosk-bar");
  const idleDialog = document.getElementById("kiosk-idle");
  const announcer = document.getElementById("kiosk-announcer");
  const CACHE = "tarlo-kiosk";
  const SLIDE_SECONDS = 8;
  const MARKER_SIZE = 44;
  const SECTIONS = ["panels", "timeline", "people", "places", "glossary"];
  const SECTION_DATA = { panels: "panels", timeline: "events", people: "people", places: "places", glossary: "glossary" };
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  const trail = [];
  let screen = "attract";
  let language = config.defaultLanguage;
  let warningTimer = null;
  let idleTimer = null;
  let countdownTimer = null;
  let slideTimer = null;
  let map = null;
  let focusBeforeWarning = null;
  let hasNewContent = false;

  /* What every language shares (keys, links, numbers, coordinates) comes once, in data.shared,
     entry by entry in the order of each language's entries: each entry gets it back here. */
  for (const code of data.languages) {
    for (const [kind, entries] of Object.entries(data.shared)) {
      const own = data.text[code][kind];
      data.text[code][kind] = entries.map((shared, position) => ({ ...shared, ...own[position] }));
    }
  }

  const lookup = {};
  for (const code of data.languages) {
    const text = data.text[code];
    lookup[code] = {
      panel: keyed(text.panels),
      event: keyed(text.events),
      person: keyed(text.people),
      place: keyed(text.places),
    };
  }

  function keyed(items) {
    return new Map(items.map((item, position) => [item.key, { item, position, items }]));
  }

  function find(kind, key) {
    const found = lookup[language][kind].get(key);
    return found ? found.item : null;
  }

  function texts() {
    return data.text[language];
  }

  function ui(name) {
    return texts().ui[name];
  }

  /* A translated value is a string in the screen's language, or [text, lang] where it falls back. */
  function said(value) {
    return Array.isArray(value) ? value : [value || "", language];
  }

  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") element.textContent = value;
      else if (name === "html") element.innerHTML = value;
      else element.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false && child !== "") element.append(child);
    }
    return element;
  }

  /* An element holding a translated text (or, with html: true, exhibit markup), lang set if it differs. */
  function say(tag, attributes, value, { html = false } = {}) {
    const [content, lang] = said(value);
    if (!content) return null;
    return h(tag, { ...attributes, lang: lang === language ? null : lang, [html ? "html" : "text"]: content });
  }

  function icon(name) {
    const paths = {
      back: "M15 5l-7 7 7 7",
      home: "M4 11l8-7 8 7M6 9.5V20h12V9.5",
      next: "M9 5l7 7-7 7",
      text: "M4 19l5-14 5 14M6 14h6M15 19l3-8 3 8M16 16.5h4",
    };
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "icon");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", paths[name]);
    svg.append(path);
    return svg;
  }

  /* ---- Building blocks of screens ---- */

  function screenFrame(name, { read, side, className = "" }) {
    return h(
      "section",
      { class: `screen screen-${name.split(":")[0]} ${className}`.trim(), "data-screen": name, "aria-labelledby": "screen-title" },
      read,
      side
    );
  }

  function heading(value) {
    return say("h1", { id: "screen-title", tabindex: "-1" }, value);
  }

  function readArea({ media = null, text, after = null }) {
    return h(
      "div",
      { class: media ? "read has-media" : "read" },
      media,
      h("div", { class: "text", tabindex: "0" }, text),
      after
    );
  }

  function sideArea(label, items, pager = null) {
    return h(
      "aside",
      { class: "side", "aria-label": label },
      h("div", { class: "side-list", tabindex: "0" }, items),
      pager
    );
  }

  function card(go, type, title, fact, extra = {}) {
    return h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: `card card-${extra.kind || "plain"}`, "data-go": go },
        extra.number ? h("span", { class: "card-number", text: extra.number }) : null,
        h(
          "span",
          { class: "card-words" },
          type ? h("span", { class: "card-type", text: type }) : null,
          say("span", { class: "card-title" }, title),
          fact ? say("span", { class: "card-fact" }, fact) : null,
          extra.coords ? h("span", { class: "card-coords", text: extra.coords }) : null
        )
      )
    );
  }

  function cards(items) {
    const list = items.filter(Boolean);
    return list.length ? h("ul", { class: "cards" }, list) : null;
  }

  function panelCard(code, withType = true) {
    const panel = find("panel", code);
    return panel && card(`panel:${code}`, withType ? `${ui("panel")} ${code}` : code, panel.title, panel.day, { kind: "panel" });
  }

  function eventCard(key) {
    const event = find("event", key);
    return event && card(`event:${key}`, ui("event"), event.title, event.when, { kind: "event" });
  }

  function timelineCard(key) {
    const event = find("event", key);
    const place = event.place && find("place", event.place);
    const fact = [event.time, place ? said(place.name)[0] : ""].filter(Boolean).join(" · ");
    return card(`event:${key}`, null, event.title, fact, { kind: "event" });
  }

  function personCard(key) {
    const person = find("person", key);
    return person && card(`person:${key}`, ui("person"), person.name, person.role, { kind: "person" });
  }

  function placeCard(key, number) {
    const place = find("place", key);
    return (
      place &&
      card(`place:${key}`, number ? null : ui("place"), place.name, place.area, {
        kind: "place",
        number,
        coords: number ? place.coords : null,
      })
    );
  }

  function note(value) {
    const [content, lang] = said(value);
    if (!content) return null;
    return h(
      "div",
      { class: "content-note", role: "note" },
      h("p", { class: "content-note-label", text: ui("contentNote") }),
      h("p", { lang: lang === language ? null : lang, text: content })
    );
  }

  function figure(image, owner, { enlarge = true } = {}) {
    if (!image) return null;
    const picture = h("img", {
      src: image.src,
      width: image.width,
      height: image.height,
      alt: said(image.alt)[0],
      lang: said(image.alt)[1] === language ? null : said(image.alt)[1],
      decoding: "async",
    });
    const caption = h(
      "figcaption",
      {},
      say("span", { class: "caption" }, image.caption),
      image.credit ? h("span", { class: "credit", text: `${ui("credit")} ${image.credit}` }) : null
    );
    const shown = enlarge
      ? h("button", { type: "button", class: "media-button", "data-go": `image:${owner}`, "aria-label": ui("enlarge") }, picture)
      : picture;
    return h("figure", { class: "media" }, shown, caption.childNodes.length ? caption : null);
  }

  /* A cropped image keeps its focal point in view. */
  function focused(img, image) {
    img.style.objectPosition = image.focus;
    return img;
  }

  function pager(kind, key, label) {
    const found = lookup[language][kind].get(key);
    if (!found) return null;
    const previous = found.items[found.position - 1];
    const next = found.items[found.position + 1];
    const button = (item, direction) =>
      item
        ? h(
            "button",
            { type: "button", class: `pager-button pager-${direction}`, "data-go": `${kind}:${item.key}` },
            direction === "previous" ? icon("back") : null,
            h(
              "span",
              { class: "pager-words" },
              h("span", { class: "pager-label", text: ui(direction) }),
              say("span", { class: "pager-title" }, label(item))
            ),
            direction === "next" ? icon("next") : null
          )
        : h("span", { class: "pager-none" });
    return h("div", { class: "pager" }, button(previous, "previous"), button(next, "next"));
  }

  function sectionMenu(current) {
    const counts = texts().counts;
    return h(
      "ul",
      { class: "sections" },
      SECTIONS.filter((name) => texts()[SECTION_DATA[name]].length).map((name) =>
        h(
          "li",
          {},
          name === current
            ? h(
                "span",
                { class: "section is-current", "aria-current": "page" },
                h("span", { class: "section-name", text: ui(name) }),
                h("span", { class: "section-count", text: counts[name] })
              )
            : h(
                "button",
                { type: "button", class: "section", "data-go": name },
                h("span", { class: "section-name", text: ui(name) }),
                h("span", { class: "section-count", text: counts[name] })
              )
        )
      )
    );
  }

  /* ---- Screens ---- */

  function attractScreen() {
    const start = data.text[config.defaultLanguage];
    const slideElements = start.panels.map((panel, position) =>
      h(
        "div",
        { class: position === 0 ? "slide is-current" : "slide" },
        panel.image ? focused(h("img", { class: "slide-image", src: panel.image.src, alt: "" }), panel.image) : null,
        panel.dayNumber ? h("p", { class: "slide-numeral", text: panel.dayNumber }) : null,
        h("p", { class: "slide-code", text: [panel.key, panel.day].filter(Boolean).join(" · ") }),
        data.languages.map((code, index) => {
          const [content, lang] = said(data.text[code].panels[position].title);
          return h("p", { class: index === 0 ? "slide-title" : "slide-title is-other", lang, text: content });
        })
      )
    );
    const titles = data.languages.map((code) => said(data.text[code].exhibit.title));
    const element = h(
      "section",
      { class: "screen screen-attract", "data-screen": "attract", "aria-labelledby": "screen-title" },
      start.exhibit.image
        ? focused(h("img", { class: "attract-image", src: start.exhibit.image.src, alt: "" }), start.exhibit.image)
        : null,
      h(
        "header",
        { class: "attract-header" },
        h("p", { class: "attract-period", text: start.exhibit.period }),
        h("h1", { id: "screen-title", class: "attract-title", lang: titles[0][1], text: titles[0][0] }),
        titles.slice(1).map(([content, lang]) => h("p", { class: "attract-title is-other", lang, text: content }))
      ),
      h("div", { class: "slides", "aria-hidden": "true" }, slideElements),
      h(
        "div",
        { class: "start" },
        data.languages.map((code) =>
          h(
            "button",
            { type: "button", class: "start-button", "data-start": code, lang: code },
            h("span", { class: "start-language", text: data.text[code].name }),
            h("span", { class: "start-call", text: data.text[code].ui.touchToBegin })
          )
        )
      )
    );
    element.kioskStart = () => startSlides(slideElements);
    return element;
  }

  function startSlides(slideElements) {
    if (reducedMotion.matches || slideElements.length < 2) return;
    let current = 0;
    slideTimer = window.setInterval(() => {
      slideElements[current].classList.remove("is-current");
      current = (current + 1) % slideElements.length;
      slideElements[current].classList.add("is-current");
    }, SLIDE_SECONDS * 1000);
  }

  function homeScreen() {
    const exhibit = texts().exhibit;
    return screenFrame("home", {
      read: readArea({
        media: figure(exhibit.image, "home"),
        text: [
          h("p", { class: "eyebrow", text: exhibit.period }),
          heading(exhibit.title),
          note(exhibit.note),
          say("div", { class: "body" }, exhibit.intro, { html: true }),
        ],
      }),
      side: sideArea(ui("sections"), sectionMenu(null)),
      className: "is-home",
    });
  }

  function panelsScreen() {
    return screenFrame("panels", {
      read: readArea({
        text: [heading(ui("panels")), cards(texts().panels.map((panel) => panelCard(panel.key, false)))],
      }),
      side: sideArea(ui("sections"), sectionMenu("panels")),
    });
  }

  function panelScreen(code) {
    const panel = find("panel", code);
    if (!panel) return null;
    return screenFrame(`panel:${code}`, {
      read: readArea({
        media: figure(panel.image, `panel:${code}`),
        text: [
          h("p", { class: "eyebrow", text: [`${ui("panel")} ${code}`, panel.day].filter(Boolean).join(" · ") }),
          heading(panel.title),
          note(panel.note),
          say("div", { class: "body" }, panel.body, { html: true }),
        ],
      }),
      side: sideArea(
        ui("related"),
        cards([
          ...panel.events.map((key) => eventCard(key)),
          ...panel.people.map(personCard),
          ...panel.places.map((key) => placeCard(key)),
        ]),
        pager("panel", code, (item) => item.title)
      ),
    });
  }

  function timelineScreen() {
    const days = texts().days;
    const dayList = days
      .filter((day) => day.events.length)
      .map((day) =>
        h(
          "section",
          { class: "day", id: `day-${day.key}`, "aria-labelledby": `day-${day.key}-title` },
          h("h2", { id: `day-${day.key}-title`, class: "day-title", text: day.label }),
          cards(day.events.map(timelineCard))
        )
      );
    const strip = h(
      "ol",
      { class: "day-strip" },
      days.map((day) =>
        h(
          "li",
          {},
          day.events.length
            ? h(
                "button",
                { type: "button", class: "day-button", "data-day": day.key },
                h("span", { class: "day-number", text: day.number }),
                h("span", { class: "day-month", text: day.month })
              )
            : h(
                "span",
                { class: "day-button is-empty" },
                h("span", { class: "day-number", text: day.number }),
                h("span", { class: "day-month", text: day.month })
              )
        )
      )
    );
    return screenFrame("timeline", {
      read: readArea({ text: [heading(ui("timeline")), dayList] }),
      side: sideArea(ui("days"), [h("h2", { class: "side-title", text: ui("days") }), strip]),
    });
  }

  function eventScreen(key) {
    const event = find("event", key);
    if (!event) return null;
    return screenFrame(`event:${key}`, {
      read: readArea({
        text: [
          h("p", { class: "eyebrow", text: `${event.category} · ${event.when}` }),
          heading(event.title),
          say("div", { class: "body" }, event.summary, { html: true }),
        ],
      }),
      side: sideArea(
        ui("related"),
        cards([
          event.place ? placeCard(event.place) : null,
          ...event.panels.map((code) => panelCard(code)),
          ...event.people.map(personCard),
        ]),
        pager("event", key, (item) => item.title)
      ),
    });
  }

  function peopleScreen() {
    return screenFrame("people", {
      read: readArea({
        text: [
          heading(ui("people")),
          cards(texts().people.map((person) => card(`person:${person.key}`, null, person.name, person.role, { kind: "person" }))),
        ],
      }),
      side: sideArea(ui("sections"), sectionMenu("people")),
    });
  }

  function personScreen(key) {
    const person = find("person", key);
    if (!person) return null;
    return screenFrame(`person:${key}`, {
      read: readArea({
        media: figure(person.image, `person:${key}`),
        text: [
          person.dates ? h("p", { class: "eyebrow", text: person.dates }) : null,
          heading(person.name),
          say("p", { class: "lead" }, person.role),
          say("div", { class: "body" }, person.bio, { html: true }),
        ],
      }),
      side: sideArea(
        ui("related"),
        cards([...person.panels.map((code) => panelCard(code)), ...person.events.map((event) => eventCard(event))]),
        pager("person", key, (item) => item.name)
      ),
    });
  }

  function placesScreen() {
    const places = texts().places;
    const overview = data.map && data.map.overview;
    const numbers = new Map(places.map((place, position) => [place.key, String(position + 1)]));
    const mapArea = overview ? mapBlock() : null;
    const element = screenFrame("places", {
      read: readArea({
        text: [heading(ui("places")), overview ? h("p", { class: "map-hint", text: ui("mapHint") }) : null],
        after: mapArea,
      }),
      side: sideArea(ui("places"), cards(places.map((place) => placeCard(place.key, numbers.get(place.key))))),
      className: overview ? "has-map" : "no-map",
    });
    if (overview) {
      element.kioskStart = () =>
        drawMap(element, mapArea.querySelector(".map"), overview, overview.places.map((key) => {
          const place = find("place", key);
          return { lat: place.lat, lon: place.lon, number: numbers.get(key), go: `place:${key}` };
        }));
    }
    return element;
  }

  function placeScreen(key) {
    const place = find("place", key);
    if (!place) return null;
    const hasMap = Boolean(data.map && place.lat !== null);
    const mapArea = hasMap ? mapBlock() : null;
    const element = screenFrame(`place:${key}`, {
      read: readArea({
        media: mapArea,
        text: [
          say("p", { class: "eyebrow" }, place.area),
          heading(place.name),
          place.coords ? h("p", { class: "coords", text: place.coords }) : null,
          say("div", { class: "body" }, place.description, { html: true }),
        ],
      }),
      side: sideArea(
        ui("related"),
        cards([...place.events.map((event) => eventCard(event)), ...place.panels.map((code) => panelCard(code))]),
        pager("place", key, (item) => item.name)
      ),
      className: hasMap ? "has-map" : "no-map",
    });
    if (hasMap) {
      element.kioskStart = () =>
        drawMap(element, mapArea.querySelector(".map"), { lat: place.lat, lon: place.lon, zoom: data.map.placeZoom }, [
          { lat: place.lat, lon: place.lon, number: "", go: null },
        ]);
    }
    return element;
  }

  function glossaryScreen() {
    return screenFrame("glossary", {
      read: readArea({
        text: [
          heading(ui("glossary")),
          h(
            "dl",
            { class: "glossary" },
            texts().glossary.map((term) => [
              say("dt", {}, term.term),
              say("dd", { class: "body" }, term.definition, { html: true }),
            ])
          ),
        ],
      }),
      side: sideArea(ui("sections"), sectionMenu("glossary")),
    });
  }

  function imageScreen(owner) {
    const [kind, key] = split(owner);
    const image =
      kind === "home" ? texts().exhibit.image : kind === "panel" ? (find("panel", key) || {}).image : (find("person", key) || {}).image;
    if (!image) return null;
    const [alt] = said(image.alt);
    return h(
      "section",
      { class: "screen screen-image", "data-screen": `image:${owner}`, "aria-labelledby": "screen-title" },
      h("h1", { id: "screen-title", class: "visually-hidden", tabindex: "-1", text: alt || ui("enlarge") }),
      figure(image, owner, { enlarge: false })
    );
  }

  /* ---- The map: a fixed view of kept tiles; the list beside it is the map for everyone else ---- */

  function mapBlock() {
    return h(
      "div",
      { class: "map-area media" },
      h("div", { class: "map", "aria-hidden": "true" }),
      data.map.attribution ? h("p", { class: "map-credit", text: data.map.attribution }) : null
    );
  }

  function drawMap(screenElement, container, view, markers) {
    if (!window.L) {
      screenElement.classList.replace("has-map", "no-map");
      return;
    }
    map = window.L.map(container, {
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      touchZoom: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      zoomAnimation: false,
      fadeAnimation: !reducedMotion.matches,
    });
    map.setView([view.lat, view.lon], view.zoom);
    let loaded = 0;
    const tiles = window.L.tileLayer(data.map.tiles, { minZoom: view.zoom, maxZoom: view.zoom });
    tiles.on("tileload", () => {
      loaded += 1;
    });
    // No tile at all (no network and no offline copy): the list, with coordinates, is the map.
    tiles.on("load", () => {
      if (!loaded) screenElement.classList.replace("has-map", "no-map");
    });
    tiles.addTo(map);
    const placed = [];
    for (const marker of markers) {
      const offset = clearOf(placed, map.latLngToContainerPoint([marker.lat, marker.lon]));
      const icon = window.L.divIcon({
        className: "map-marker",
        html: marker.number,
        iconSize: [MARKER_SIZE, MARKER_SIZE],
        iconAnchor: [MARKER_SIZE / 2 - offset.x, MARKER_SIZE / 2 - offset.y],
      });
      const pin = window.L.marker([marker.lat, marker.lon], { icon, keyboard: false, interactive: Boolean(marker.go) });
      if (marker.go) pin.on("click", () => show(marker.go));
      pin.addTo(map);
    }
  }

  /* Where a marker goes so that it covers no other: its own spot, or the nearest free one around it. */
  function clearOf(placed, point) {
    let offset = { x: 0, y: 0 };
    const taken = (x, y) => placed.some((other) => Math.hypot(other.x - x, other.y - y) < MARKER_SIZE);
    for (let step = 0; step < 24 && taken(point.x + offset.x, point.y + offset.y); step += 1) {
      const ring = 1 + Math.floor(step / 8);
      const angle = ((step % 8) * Math.PI) / 4 - Math.PI / 2;
      offset = { x: Math.cos(angle) * MARKER_SIZE * ring, y: Math.sin(angle) * MARKER_SIZE * ring };
    }
    placed.push({ x: point.x + offset.x, y: point.y + offset.y });
    return offset;
  }

  /* ---- Showing screens ---- */

  const SCREENS = {
    attract: attractScreen,
    home: homeScreen,
    panels: panelsScreen,
    panel: panelScreen,
    timeline: timelineScreen,
    event: eventScreen,
    people: peopleScreen,
    person: personScreen,
    places: placesScreen,
    place: placeScreen,
    glossary: glossaryScreen,
    image: imageScreen,
  };

  function split(name) {
    const colon = name.indexOf(":");
    return colon < 0 ? [name, ""] : [name.slice(0, colon), name.slice(colon + 1)];
  }

  function build(name) {
    const [kind, key] = split(name);
    return SCREENS[kind] ? SCREENS[kind](key) : null;
  }

  function show(name, { remember = true, focus = true } = {}) {
    const element = build(name);
    if (!element) return;
    if (remember && name !== screen) trail.push(screen);
    screen = name;
    draw(element);
    if (focus) focusHeading();
  }

  /* A scrolling area fades out at the foot (or the side) while there is more to read there. */
  const resized = new ResizeObserver((entries) => entries.forEach((entry) => markMore(entry.target)));

  function draw(element) {
    window.clearInterval(slideTimer);
    if (map) {
      map.remove();
      map = null;
    }
    stage.replaceChildren(element);
    document.body.dataset.screen = split(screen)[0];
    if (element.kioskStart) element.kioskStart();
    resized.disconnect();
    element.querySelectorAll(".text, .side-list").forEach((scroller) => resized.observe(scroller));
  }

  function markMore(element) {
    element.classList.toggle("has-more", element.scrollTop + element.clientHeight < element.scrollHeight - 4);
    element.classList.toggle("has-more-across", element.scrollLeft + element.clientWidth < element.scrollWidth - 4);
  }

  function focusHeading() {
    const target = screen === "attract" ? stage.querySelector(`[data-start="${config.defaultLanguage}"]`) : stage.querySelector("h1");
    if (target) target.focus({ preventScroll: true });
  }

  function drawBar() {
    bar.setAttribute("aria-label", ui("controls"));
    bar.replaceChildren(
      h("button", { type: "button", class: "bar-button bar-back", "data-action": "back" }, icon("back"), h("span", { text: ui("back") })),
      h("button", { type: "button", class: "bar-button bar-home", "data-go": "home" }, icon("home"), h("span", { text: ui("home") })),
      h(
        "div",
        { class: "bar-languages", role: "group", "aria-label": ui("language") },
        data.languages.map((code) =>
          h("button", {
            type: "button",
            class: "bar-button",
            "data-language-switch": code,
            lang: code,
            "aria-pressed": String(code === language),
            text: data.text[code].name,
          })
        )
      ),
      h(
        "button",
        { type: "button", class: "bar-button bar-text", "data-action": "large-text", "aria-pressed": String(root.classList.contains("large-text")) },
        icon("text"),
        h("span", { text: ui("largeText") })
      )
    );
  }

  /* Which control has focus, so that the same one has it after the screen is drawn again. */
  function focusKey(element) {
    if (!element || element === document.body) return null;
    for (const name of ["data-go", "data-language-switch", "data-action", "data-day", "data-start"]) {
      if (element.hasAttribute && element.hasAttribute(name)) return `[${name}="${CSS.escape(element.getAttribute(name))}"]`;
    }
    return null;
  }

  function setLanguage(code) {
    const focused = focusKey(document.activeElement);
    const scrolled = [...stage.querySelectorAll(".text, .side-list")].map((element) => element.scrollTop);
    language = code;
    root.lang = code;
    document.title = ui("pageTitle");
    drawBar();
    if (screen !== "attract") {
      draw(build(screen));
      stage.querySelectorAll(".text, .side-list").forEach((element, position) => {
        element.scrollTop = scrolled[position] || 0;
      });
    }
    const target = focused && document.querySelector(focused);
    if (target) target.focus({ preventScroll: true });
    else focusHeading();
  }

  function setLargeText(on) {
    root.classList.toggle("large-text", on);
    bar.querySelectorAll('[data-action="large-text"]').forEach((button) => button.setAttribute("aria-pressed", String(on)));
    if (map) map.invalidateSize();
    stage.querySelectorAll(".text, .side-list").forEach(markMore);
  }

  function scrollToDay(key) {
    const day = document.getElementById(`day-${key}`);
    if (!day) return;
    day.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "auto" : "smooth" });
    day.querySelector("h2").setAttribute("tabindex", "-1");
    day.querySelector("h2").focus({ preventScroll: true });
  }

  /* ---- Idle: a warning the visitor can answer, then back to the start ---- */

  function touched() {
    if (!idleDialog.hidden) closeWarning();
    window.clearTimeout(warningTimer);
    window.clearTimeout(idleTimer);
    if (screen === "attract") return;
    warningTimer = window.setTimeout(warn, (config.idleSeconds - config.warningSeconds) * 1000);
  }

  function warn() {
    if (screen === "attract") return;
    let left = config.warningSeconds;
    focusBeforeWarning = document.activeElement;
    const message = () => ui("idleMessage").replace("%(seconds)s", left);
    const others = data.languages.filter((code) => code !== language);
    const count = h("p", { class: "idle-count", "aria-hidden": "true", text: String(left) });
    const text = h("p", { id: "idle-message", class: "idle-message", text: message() });
    idleDialog.replaceChildren(
      h(
        "div",
        { class: "idle-card" },
        h("h2", { id: "idle-title", class: "idle-title", text: ui("stillThere") }),
        others.map((code) => h("p", { class: "idle-other", lang: code, text: data.text[code].ui.stillThere })),
        count,
        text,
        h("button", { type: "button", class: "idle-button", "data-action": "stay" }, ui("stay"))
      )
    );
    idleDialog.hidden = false;
    idleDialog.querySelector(".idle-button").focus();
    announcer.textContent = `${ui("stillThere")} ${message()}`;
    countdownTimer = window.setInterval(() => {
      left = Math.max(0, left - 1);
      count.textContent = String(left);
      text.textContent = message();
    }, 1000);
    idleTimer = window.setTimeout(reset, config.warningSeconds * 1000);
  }

  function closeWarning() {
    window.clearInterval(countdownTimer);
    idleDialog.hidden = true;
    idleDialog.replaceChildren();
    announcer.textContent = "";
    if (focusBeforeWarning && document.contains(focusBeforeWarning)) focusBeforeWarning.focus({ preventScroll: true });
    else focusHeading();
  }

  function reset() {
    if (hasNewContent) {
      window.location.reload();
      return;
    }
    window.clearInterval(countdownTimer);
    idleDialog.hidden = true;
    idleDialog.replaceChildren();
    announcer.textContent = "";
    trail.length = 0;
    root.classList.remove("large-text");
    if (language !== config.defaultLanguage) setLanguage(config.defaultLanguage);
    drawBar();
    show("attract", { remember: false });
  }

  /* ---- Input ---- */

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) {
      if (screen === "attract" && event.target.closest(".screen-attract")) begin(config.defaultLanguage);
      return;
    }
    if (button.dataset.start) begin(button.dataset.start);
    else if (button.dataset.go) show(button.dataset.go);
    else if (button.dataset.day) scrollToDay(button.dataset.day);
    else if (button.dataset.action === "back") show(trail.pop() || "attract", { remember: false });
    else if (button.dataset.languageSwitch) setLanguage(button.dataset.languageSwitch);
    else if (button.dataset.action === "large-text") setLargeText(!root.classList.contains("large-text"));
  });

  function begin(code) {
    if (code !== language) setLanguage(code);
    show("home");
    touched();
  }

  ["pointerdown", "touchstart", "keydown", "wheel", "scroll"].forEach((type) => {
    document.addEventListener(type, touched, { capture: true, passive: true });
  });
  document.addEventListener("scroll", (event) => {
    if (event.target.classList && event.target.matches(".text, .side-list")) markMore(event.target);
  }, { capture: true, passive: true });
  // A kiosk offers no context menu, dragging or pinch-zoom to get lost in.
  ["contextmenu", "dragstart", "selectstart", "gesturestart"].forEach((type) => {
    document.addEventListener(type, (event) => event.preventDefault());
  });
  document.addEventListener("touchmove", (event) => {
    if (event.touches && event.touches.length > 1) event.preventDefault();
  }, { passive: false });

  /* ---- Offline copy ---- */

  async function keepOfflineCopy() {
    if (config.isPreview || !("serviceWorker" in navigator) || !("caches" in window)) return;
    await navigator.serviceWorker.register(config.serviceWorkerUrl, { scope: "/kiosk/" });
    const cache = await caches.open(CACHE);
    const wanted = config.assets.map((url) => new URL(url, window.location.href).href);
    const page = new URL(window.location.pathname, window.location.href).href;
    const queue = [...wanted];
    let failed = false;
    async function worker() {
      while (queue.length) {
        const url = queue.shift();
        try {
          if (url === page || !(await cache.match(url))) await cache.add(url);
        } catch (error) {
          failed = true; // kept for the next start; the rest of the copy still helps
        }
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()]);
    const keep = new Set(wanted);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!keep.has(request.url) && !(url.pathname.startsWith("/kiosk/") && url.pathname !== window.location.pathname)) {
        await cache.delete(request);
      }
    }
    root.dataset.offline = failed ? "partial" : "ready";
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

  root.lang = language;
  document.title = ui("pageTitle");
  drawBar();
  show("attract", { remember: false, focus: false });
  if (!config.isPreview) {
    keepOfflineCopy().catch(() => { root.dataset.offline = "failed"; });
    window.setInterval(heartbeat, config.heartbeatSeconds * 1000);
    heartbeat();
  }
})();
