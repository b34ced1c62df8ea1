package dev.rapport.shared;

/** The request is valid but clashes with the current state (duplicate, still in use...). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
