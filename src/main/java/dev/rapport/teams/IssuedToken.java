package dev.rapport.teams;

/** A freshly created token: the secret is shown once and only its SHA-256 is stored. */
public record IssuedToken(long id, String name, String token) {
}
