// bcrypt is for passwords only: about 150 ms of CPU per hash or compare here, far too slow for tokens.
import bcrypt from "bcryptjs";

const COST = 10;
// Compared against when the email is unknown, so that a miss takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$hTmXLpar6wG.VnO8HgezseygkkQxOTAip/3wHdPsR.kDnmkjjiWam";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash != null;
}
