-- CreateTable
CREATE TABLE "token_usage_days" (
    "tokenId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tokenId", "day"),
    CONSTRAINT "token_usage_days_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AccessToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "token_clients" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("tokenId", "address", "userAgent"),
    CONSTRAINT "token_clients_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AccessToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "token_usage_days_day_idx" ON "token_usage_days"("day");

-- CreateIndex
CREATE INDEX "token_clients_lastSeenAt_idx" ON "token_clients"("lastSeenAt");
