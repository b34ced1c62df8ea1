package dev.rapport.shared;

/** The thing existed but can no longer be used (an expired or already used invitation): 410. */
public class GoneException extends RuntimeException {
    public GoneException(String message) {
        super(message);
    }
}
