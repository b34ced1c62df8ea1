package dev.rapport.teams;

/** A new invitation and its secret, shown once (the link to send); only its SHA-256 is stored. */
public record IssuedInvitation(Invitation invitation, String token) {
}
