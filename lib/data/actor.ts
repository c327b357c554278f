/** Who is acting: the signed-in person, or the owner of the token or password that authenticated a request. */
export type Actor = {
  userId: string;
  workspaceId: string;
  isAdmin: boolean;
};
