import { redirect } from "next/navigation";

export default function PreferencesIndex() {
  redirect("/preferences/access-tokens");
}
