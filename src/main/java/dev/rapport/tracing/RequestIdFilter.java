package dev.rapport.tracing;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First filter of every request: sets the request id in the response header and the MDC, and logs
 * one access line per API request (logger {@code dev.rapport.access}, INFO): method, route, status
 * and time. The route is the mapped pattern ({@code /api/v1/invitations/{token}}), never the raw
 * path, so secrets in URLs stay out of the logs.
 */
class RequestIdFilter extends OncePerRequestFilter {
    private static final Logger access = LoggerFactory.getLogger("dev.rapport.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String known ? known
                : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(RequestIds.HEADER, id);
        }
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null && access.isInfoEnabled() && request.getRequestURI().startsWith("/api/")) {
                access.info("{} {} {} {} ms", request.getMethod(), route(request), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }

    /** The mapped pattern, or (refused before routing) the path cut after /api/v1/resource. */
    static String route(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern;
        }
        String uri = request.getRequestURI();
        int slashes = 0;
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '/' && ++slashes == 4) {
                return uri.substring(0, i) + "/...";
            }
        }
        return uri;
    }

    /** Error pages (and async dispatches) are served under the id of the request that failed. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
