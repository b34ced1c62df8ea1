package dev.rapport.teams;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.rapport.shared.NotFoundException;

/** Lets controllers take a CurrentUser parameter, whether signed in by token or by session. */
@Component
public class CurrentUserResolver implements HandlerMethodArgumentResolver {
    private final AccountService accounts;

    CurrentUserResolver(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The signed-in user; session principals are reloaded so role changes apply at once. */
    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new IllegalStateException("no authenticated user");
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof CurrentUser user) {
            return user;
        }
        if (principal instanceof UserDetails details) {
            return accounts.accountByEmail(details.getUsername()).map(Account::toCurrentUser)
                    .orElseThrow(() -> new NotFoundException("user", details.getUsername()));
        }
        throw new IllegalStateException("unsupported principal " + principal.getClass());
    }
}
