package dev.rapport.teams;

import java.io.Serializable;

/**
 * A freshly created token: the secret is shown once and only its SHA-256 is stored. Serializable
 * because the web UI hands it to the next page as a flash attribute, which lives in the session
 * table for exactly one request.
 */
public record IssuedToken(long id, String name, String token) implements Serializable {
}
