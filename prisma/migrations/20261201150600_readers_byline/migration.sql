-- AlterTable
ALTER TABLE "Map" ADD COLUMN "publishByline" BOOLEAN NOT NULL DEFAULT false;
