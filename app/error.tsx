"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600 dark:text-slate-400">
        If the database is briefly unavailable, trying again usually helps.
      </p>
      <button type="button" onClick={reset} className="text-blue-700 dark:text-blue-400 underline">
        Try again
      </button>
    </main>
  );
}
