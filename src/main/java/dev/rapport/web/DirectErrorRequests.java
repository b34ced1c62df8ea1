package dev.rapport.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /error} is where the container forwards failures; asked for directly it has no error to
 * show and Spring Boot would answer 500. A direct request gets the not-found page instead.
 * Forwards (the ERROR dispatch) are not filtered.
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {
    private static final org.springframework.web.util.UrlPathHelper URL_PATHS = new org.springframework.web.util.UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // decoded, so that /%65rror is /error too
        String path = URL_PATHS.getPathWithinApplication(request);
        return !path.equals("/error") && !path.startsWith("/error/") && !path.startsWith("/error;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
