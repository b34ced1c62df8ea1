package dev.rapport.limits;

import jakarta.servlet.Filter;

/**
 * The API's rate limit (see docs/reliability.md): the security configuration puts {@link #filter()}
 * into the API filter chain after authentication, so the limit knows the caller's token.
 */
public final class ApiRateLimit {
    /**
     * Request attribute the token authentication sets to a stable, non-secret key of the token (its
     * stored hash): a token's requests spend from one bucket, without the limit hashing it again.
     */
    public static final String TOKEN_KEY = ApiRateLimit.class.getName() + ".tokenKey";

    private final Filter filter;

    ApiRateLimit(RateLimiter limiter, boolean enabled) {
        this.filter = enabled ? new RateLimitFilter(limiter) : (req, res, chain) -> chain.doFilter(req, res);
    }

    /** Not a bean on purpose: a Filter bean would also be registered for every URL, outside security. */
    public Filter filter() {
        return filter;
    }
}
