import { notFound } from "@/lib/errors";
import { withPublic } from "@/lib/http/route";

// Any /api path no route serves: a problem+json 404 for API clients, not the HTML error page.
const noSuchEndpoint = withPublic({}, async () => {
  throw notFound("API endpoint");
});

export { noSuchEndpoint as DELETE, noSuchEndpoint as GET, noSuchEndpoint as PATCH, noSuchEndpoint as POST, noSuchEndpoint as PUT };
