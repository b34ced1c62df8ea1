package dev.rapport.teams;

import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request-level rule for every page, form and API operation: viewers and read-only tokens
 * make no writes except those marked {@link OwnAccount}. Checked before binding and validation, so
 * a refused write answers 403 whatever its body, and nothing is written.
 */
@Component
class WriteGuard implements HandlerInterceptor {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // error pages forwarded after a refused write are not writes themselves
        if (request.getDispatcherType() != DispatcherType.REQUEST || SAFE.contains(request.getMethod())
                || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user) || ownAccount(method)) {
            return true;
        }
        user.requireWriter();
        return true;
    }

    private static boolean ownAccount(HandlerMethod method) {
        return method.hasMethodAnnotation(OwnAccount.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), OwnAccount.class);
    }
}
