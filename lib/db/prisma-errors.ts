import { AppError, conflict, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";

/** Database errors a user can act on, in the app's words; anything else passes through unchanged. */
export function translatePrismaError(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return conflict("An object with this name exists already");
    if (error.code === "P2025") return notFound("Object");
    if (error.code === "P2003") return conflict("Other objects still refer to this one");
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return new AppError("unavailable", "The database is unreachable; try again shortly", undefined, { cause: error });
  }
  return error;
}
