import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Unknown API paths answer in JSON like every other API error, not with the app's HTML 404 page.
const unknownPath = async () => errorResponse(404, "not_found", "No such API endpoint; GET / with a token lists them");
export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
