-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "pendingCredential" BYTEA,
ADD COLUMN     "provisionedSecretVersion" INTEGER;
