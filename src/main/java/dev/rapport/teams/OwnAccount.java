package dev.rapport.teams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that concerns only the caller's own account (password, tokens, second factor,
 * calendar feed, digest, joining a team), which viewers and read-only tokens may make. Every other
 * write is refused to them by {@link WriteGuard} before the handler runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnAccount {
    /** Why this write is the caller's own business. */
    String value();
}
