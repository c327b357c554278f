-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "actorMethod" TEXT NOT NULL,
    "actorTokenId" TEXT,
    "subjectId" TEXT,
    "tokenId" TEXT,
    "clientAddress" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "token_addresses" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,

    PRIMARY KEY ("tokenId", "address"),
    CONSTRAINT "token_addresses_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AccessToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "audit_events_workspaceId_occurredAt_idx" ON "audit_events"("workspaceId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_subjectId_occurredAt_idx" ON "audit_events"("subjectId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_tokenId_occurredAt_idx" ON "audit_events"("tokenId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_actorTokenId_occurredAt_idx" ON "audit_events"("actorTokenId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_type_occurredAt_idx" ON "audit_events"("type", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "audit_events_occurredAt_idx" ON "audit_events"("occurredAt");
