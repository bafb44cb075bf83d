// The dashboard's client for the JSON API served by the same app.

/** GET a JSON route with query parameters (empty values are left out); throws the API's coded error. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: "EW999", message: response.statusText };
    throw new Error(`${error.code}: ${error.message}`);
  }
  return body;
}
