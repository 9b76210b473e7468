import { router } from "../openapi.ts";

/** Routes of this mechanism, with their full paths (the router is mounted at the root). */
export const volunteersRoutes = router();
