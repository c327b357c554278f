import { redirect } from "next/navigation";

// Without an Authorization header, / is the web app; its home is the Access Tokens page.
export default function Home() {
  redirect("/preferences/access-tokens");
}
