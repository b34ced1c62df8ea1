package dev.rapport.exchange;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links of the calendar feed and the digest. Where people reach this server: rapport.public-url when set (the only choice behind a proxy),
 * else the address of the current request, and in emails (no request) http://localhost:PORT.
 */
@Component
public class CalendarLinks {
    private final String publicUrl;
    private final String localUrl;

    CalendarLinks(@Value("${rapport.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
        this.publicUrl = trimmed(publicUrl);
        this.localUrl = "http://localhost:" + (port <= 0 ? 8080 : port);
    }

    /** The base URL for links shown to someone who made a request to requestBase. */
    public String base(String requestBase) {
        return publicUrl != null ? publicUrl : trimmed(requestBase);
    }

    String mailBase() {
        return publicUrl != null ? publicUrl : localUrl;
    }

    boolean configured() {
        return publicUrl != null;
    }

    /**
     * A capability token (feed, unsubscribe: 256 random bits from teams.Secrets, only its SHA-256
     * stored) as it can appear in our links; anything else is not worth a database lookup.
     */
    static boolean wellFormedToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static String trimmed(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
