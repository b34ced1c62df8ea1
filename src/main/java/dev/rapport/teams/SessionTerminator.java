package dev.rapport.teams;

/** Ends a user's web sessions on every app instance (sessions live in the database). */
interface SessionTerminator {
    /** Ends every session of the email except the one with {@code keepSessionId} (may be null). */
    int endSessions(String email, String keepSessionId);
}
