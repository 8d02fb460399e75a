// Swagger UI on this service's OpenAPI document (the page is /api-docs). No outside validator is called.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null
});
