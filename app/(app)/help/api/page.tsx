import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { ApiReference } from "./_components/api-reference";

export const metadata: Metadata = { title: "API Documentation" };

const FIRST_TOKEN = `curl -u 'you@example.com:YOUR-PASSWORD' -H 'Content-Type: application/json' \\
  -d '{"lifetimeSeconds": 86400}' http://localhost:3000/v4/apiAccessTokens`;
const LIST_ENDPOINTS = `curl http://localhost:3000 -X GET -H "Authorization: Bearer <token>"`;

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">{children}</pre>;
}

export default async function ApiDocumentationPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">API Documentation</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The REST API for scripts. The machine-readable OpenAPI 3.1 document is at{" "}
          <a className="underline" href="/v4/openapi.json">
            /v4/openapi.json
          </a>
          ; runnable examples are in the repository&apos;s <code>examples/</code> folder.
        </p>
      </div>
      <section aria-labelledby="getting-started" className="space-y-3">
        <h2 id="getting-started" className="text-lg font-semibold">
          Getting started
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          1. Get a first token with your email and password (Basic authentication is accepted only here), or generate
          one under <strong>User menu &gt; Preferences &gt; Access Tokens</strong>. Copy <code>tokenValue</code> from
          the answer: it is shown only once.
        </p>
        <Code>{FIRST_TOKEN}</Code>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          2. Send the token with every request. This one lists the REST endpoints available to you:
        </p>
        <Code>{LIST_ENDPOINTS}</Code>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          3. Tokens cannot be extended: before yours expires, create a new one with it (Bearer) and delete the old one.
          A token that was left to expire can only be replaced with your email and password.
        </p>
      </section>
      <section aria-label="API reference" className="rounded-md border border-slate-200 dark:border-slate-700">
        <ApiReference document={buildOpenApiDocument()} theme={user.theme} />
      </section>
    </div>
  );
}
