package dev.rapport.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The id of the request being served: taken from a well-formed {@code X-Request-Id} header or
 * generated, echoed in the response, kept in the logging MDC as {@code requestId} and named in
 * every API problem body so a user can quote it and an operator can find the log lines.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Also kept on the request, so error dispatches log under the same id. */
    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** This thread's request id, or null outside a request. Safe to put in JSON or headers unescaped. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** An incoming id when it is 1 to 64 characters of [A-Za-z0-9._-], otherwise a new one. */
    static String accept(String incoming) {
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : generate();
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }
}
