// A map of the places listed beside it (.map-places), drawn with Leaflet from the tile source in
// data-tiles. The list stays: it is the map for screen readers, and the whole map when tiles
// cannot be had (then the map hides itself).
(() => {
  if (!window.L) return;
  document.querySelectorAll("[data-map]").forEach((element) => {
    const list = document.getElementById(element.dataset.places);
    const places = [...list.querySelectorAll("li[data-latitude]")].map((item, index) => ({
      number: index + 1,
      name: item.dataset.name,
      at: [Number(item.dataset.latitude), Number(item.dataset.longitude)],
    }));
    if (!places.length) return;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", element.dataset.label);
    const map = L.map(element, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    const tiles = L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 18 });
    let loaded = 0;
    let failed = 0;
    tiles.on("tileload", () => {
      loaded += 1;
      element.dataset.tilesLoaded = String(loaded);
    });
    tiles.on("tileerror", () => {
      failed += 1;
      if (!loaded && failed >= 4) element.classList.add("is-unavailable");
    });
    tiles.addTo(map);
    const markers = places.map((place) =>
      L.marker(place.at, {
        title: `${place.number}. ${place.name}`,
        alt: `${place.number}. ${place.name}`,
        keyboard: false,
        icon: L.divIcon({
          className: "map-marker",
          html: `<span>${place.number}</span>`,
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        }),
      }).addTo(map),
    );
    // Open on where most places are (Budapest, not Moscow and Washington too): those within
    // about 100 km of the middle place; the others are a drag away, and all are in the list.
    const middle = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const centre = [middle(places.map((p) => p.at[0])), middle(places.map((p) => p.at[1]))];
    const near = markers.filter((marker, index) => {
      const [lat, lng] = places[index].at;
      return Math.abs(lat - centre[0]) < 1 && Math.abs(lng - centre[1]) < 1.5;
    });
    const bounds = L.featureGroup(near.length > 1 ? near : markers).getBounds();
    if (places.length === 1) map.setView(places[0].at, 15);
    else map.fitBounds(bounds, { padding: [28, 28], maxZoom: 15 });
    element.dataset.ready = "true";
  });
})();
