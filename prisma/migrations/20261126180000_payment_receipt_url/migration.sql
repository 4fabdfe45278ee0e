-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "receipt_url" TEXT;
