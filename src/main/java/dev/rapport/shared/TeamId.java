package dev.rapport.shared;

/** The tenant boundary: every row and every query is scoped by a team. */
public record TeamId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
