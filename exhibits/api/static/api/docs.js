// Swagger UI for the API's schema: the schema's address is on the element it fills.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: element.dataset.schemaUrl,
    domNode: element,
    deepLinking: true,
    validatorUrl: null, // no badge from elsewhere
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
