package dev.rapport.teams;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.rapport.limits.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Query and form parameters must be text: a NUL character ({@code %00}) is refused, because
 * PostgreSQL text cannot hold it (a search for it would fail as a database error), and so is a
 * percent-encoding that is not UTF-8 ({@code %ff}). Both answer 400 before anything runs.
 * Multipart uploads are left to their controllers, which enforce the upload limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TextParameters extends OncePerRequestFilter {
    /** Tomcat's default {@code maxParameterCount}, which Rapport keeps. */
    static final int MAX_PARAMETERS = 1000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        String problem;
        try {
            problem = request.getParameterMap().values().stream().flatMap(java.util.Arrays::stream)
                    .anyMatch(v -> v != null && v.indexOf('\0') >= 0) ? "contains a NUL character" : null;
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException
            problem = failure(e);
        }
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        String detail = problem.startsWith("too many") ? problem : "a query or form parameter " + problem;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, detail);
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value(), detail);
        }
    }

    /**
     * Tomcat reports both failures with one exception type: too many parameters (its message names
     * the limit, and there is no cause) and undecodable bytes. Its message is not echoed: it may
     * quote the caller's input.
     */
    private static String failure(IllegalStateException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e.getCause() == null && message.contains("maximum number")
                ? "too many query or form parameters (at most " + MAX_PARAMETERS + ")"
                : "is not valid percent-encoded UTF-8";
    }
}
