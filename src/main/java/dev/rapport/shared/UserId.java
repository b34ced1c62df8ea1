package dev.rapport.shared;

public record UserId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
