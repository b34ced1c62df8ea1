package dev.rapport.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import dev.rapport.shared.ConflictException;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.teams.AccountService;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.CurrentUserResolver;

/** What every page needs (who is signed in), and friendly pages for what went wrong. */
@ControllerAdvice(basePackageClasses = WebAdvice.class)
class WebAdvice {
    private static final Logger log = LoggerFactory.getLogger(WebAdvice.class);
    private final CurrentUserResolver users;
    private final AccountService accounts;

    WebAdvice(CurrentUserResolver users, AccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    Viewer me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        CurrentUser user = users.current();
        return Viewer.of(user, accounts.teams(user.userId()));
    }

    /** Lets templates ask any form's errors without null checks. */
    @ModelAttribute("noErrors")
    FieldErrors noErrors() {
        return FieldErrors.NONE;
    }

    /** /clients/abc and the like: an id that cannot exist is simply not found. */
    @ExceptionHandler({NotFoundException.class, TypeMismatchException.class})
    ModelAndView notFound() {
        // the same words for "does not exist" and "another team's": no leakage
        return page(HttpStatus.NOT_FOUND, "Not found",
                "We could not find that page. It may have been removed, or the link may be wrong.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        if (e instanceof NotAllowed notAllowed) {
            return page(HttpStatus.FORBIDDEN, notAllowed.title(), notAllowed.getMessage());
        }
        Viewer me = me();
        if (me != null && me.canWrite() && e.getMessage() != null) {
            // a writer refused by a role rule ("only a team owner can do this"): say which rule
            return page(HttpStatus.FORBIDDEN, "Not allowed", sentence(e.getMessage()));
        }
        return page(HttpStatus.FORBIDDEN, "Read-only access",
                "Your role lets you see everything but not change it. Ask an owner or a manager of your team "
                        + "if something needs updating.");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "That cannot be done right now", sentence(e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        String detail = e.problems().stream().map(p -> p.field() + " " + p.reason())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return page(HttpStatus.BAD_REQUEST, "That request was not understood", sentence(detail));
    }

    /** A query or form parameter whose percent-encoding is not UTF-8 ("?q=%ff"). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ModelAndView undecodable() {
        return page(HttpStatus.BAD_REQUEST, "That request was not understood",
                "A value in the address or the form is not valid text. Check the link and try again.");
    }

    /** The database could not give a lock in time (a large import on H2, a deadlock): nothing was saved. */
    @ExceptionHandler(TransientDataAccessException.class)
    ModelAndView busy(TransientDataAccessException e) {
        log.warn("database busy, answered 503: {}", e.getMostSpecificCause().getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Busy for a moment",
                "The database is busy with another change, a large import for example. Nothing was saved: "
                        + "go back and try again in a few seconds.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // 404 for unknown paths, 405, bad parameters: Spring's own status and error page
        }
        log.error("unexpected error", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "An unexpected error occurred and has been logged. Please try again.");
    }

    private ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("title", title);
        mav.addObject("detail", message);
        mav.addObject("me", me());
        return mav;
    }

    private static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
