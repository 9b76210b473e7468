/** The interactive API docs page (Swagger UI) over `/openapi.json`. */
export function docsPage(options: { specUrl: string; assetsBase: string }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Wangge 网格 API</title>
  <link rel="stylesheet" href="${options.assetsBase}/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${options.assetsBase}/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: ${JSON.stringify(options.specUrl)}, dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true });
  </script>
</body>
</html>`;
}
