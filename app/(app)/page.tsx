import { redirect } from "next/navigation";
import { routes } from "@/lib/routes";

// Without an Authorization header, / is the web app; its home is the Access Tokens page.
export default function Home() {
  redirect(routes.accessTokens);
}
