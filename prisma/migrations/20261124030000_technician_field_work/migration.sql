-- AlterTable
ALTER TABLE "Intervention" ADD COLUMN     "signerIp" TEXT,
ADD COLUMN     "signerUserAgent" TEXT,
ADD COLUMN     "timeSpentMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "acceptedUserAgent" TEXT;

