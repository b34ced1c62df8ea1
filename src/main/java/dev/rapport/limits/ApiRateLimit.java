package dev.rapport.limits;

import jakarta.servlet.Filter;

/**
 * The API's rate limit (see docs/reliability.md): the security configuration puts {@link #filter()}
 * into the API filter chain after authentication, so the limit knows the caller's token.
 */
public final class ApiRateLimit {
    private final Filter filter;

    ApiRateLimit(RateLimiter limiter, boolean enabled) {
        this.filter = enabled ? new RateLimitFilter(limiter) : (req, res, chain) -> chain.doFilter(req, res);
    }

    /** Not a bean on purpose: a Filter bean would also be registered for every URL, outside security. */
    public Filter filter() {
        return filter;
    }
}
