package dev.rapport.web;

import org.springframework.security.access.AccessDeniedException;

/** A page the user's role does not open, with words that say which role does (a 403 page). */
class NotAllowed extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    private final String title;

    NotAllowed(String title, String message) {
        super(message);
        this.title = title;
    }

    String title() {
        return title;
    }
}
