package dev.rapport.teams;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException: undecodable bytes
            problem = "is not valid percent-encoded UTF-8";
        }
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "a query or form parameter " + problem;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"" + detail + "\"}");
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value(), detail);
        }
    }
}
