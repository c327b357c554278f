-- CreateTable
CREATE TABLE "token_usage_days" (
    "tokenId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "token_usage_days_pkey" PRIMARY KEY ("tokenId","day")
);

-- CreateTable
CREATE TABLE "token_clients" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "token_clients_pkey" PRIMARY KEY ("tokenId","address","userAgent")
);

-- CreateIndex
CREATE INDEX "token_usage_days_day_idx" ON "token_usage_days"("day");

-- CreateIndex
CREATE INDEX "token_clients_lastSeenAt_idx" ON "token_clients"("lastSeenAt");

-- AddForeignKey
ALTER TABLE "token_usage_days" ADD CONSTRAINT "token_usage_days_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AccessToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "token_clients" ADD CONSTRAINT "token_clients_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "AccessToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
