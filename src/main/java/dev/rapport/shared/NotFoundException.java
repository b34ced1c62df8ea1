package dev.rapport.shared;

/** A resource does not exist in the caller's team (also used for other teams' ids: no leakage). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
