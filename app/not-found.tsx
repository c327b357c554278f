import Link from "next/link";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href={routes.home} className="text-blue-700 dark:text-blue-400 underline">
        Go to Tessera
      </Link>
    </main>
  );
}
