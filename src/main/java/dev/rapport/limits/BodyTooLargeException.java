package dev.rapport.limits;

import java.io.IOException;

/**
 * Thrown by the API's request body stream when a body without a Content-Length grows past
 * {@code rapport.max-json-body}; the API answers it with a 413 problem.
 */
public class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** The sentence a 413 problem's detail carries. */
    public static String detail(long limit) {
        return "the request body is larger than the limit of " + human(limit) + " (RAPPORT_MAX_JSON_BODY)";
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
