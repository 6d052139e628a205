-- Phases ([PP1]), anonymity ([PN1]), review mode ([PM1]) and classes ([PK1]-[PK5]).
ALTER TABLE "Map" ADD COLUMN "phase" TEXT;
ALTER TABLE "Map" ADD COLUMN "phaseSet" TEXT;
ALTER TABLE "Map" ADD COLUMN "anonymous" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Map" ADD COLUMN "review" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "signInCodeHash" TEXT;
ALTER TABLE "Membership" ADD COLUMN "viaClass" TEXT;
CREATE UNIQUE INDEX "User_signInCodeHash_key" ON "User"("signInCodeHash");

CREATE TABLE "Class" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");

CREATE TABLE "ClassMember" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "team" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("classId", "userId"),
    CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");

CREATE TABLE "ClassMap" (
    "classId" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "team" TEXT,
    "templateId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("classId", "mapId"),
    CONSTRAINT "ClassMap_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ClassMap_mapId_idx" ON "ClassMap"("mapId");
