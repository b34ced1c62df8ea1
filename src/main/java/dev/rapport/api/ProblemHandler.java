package dev.rapport.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.rapport.limits.BodyTooLargeException;
import dev.rapport.shared.ConflictException;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.GoneException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.shared.TooManyRequestsException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every API error as an RFC 9457 problem detail; never a stack trace or SQL. */
@RestControllerAdvice(basePackageClasses = ProblemHandler.class)
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final URI VALIDATION = URI.create("https://rapport.dev/problems/validation");
    static final String BUSY = "the database is busy with another change (a large import, say); nothing was "
            + "written, try again in a few seconds";
    static final String BUSY_RETRY_AFTER = "5";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(GoneException.class)
    ProblemDetail gone(GoneException e) {
        return problem(HttpStatus.GONE, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return validation(e.problems());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value");
        pd.setProperty("errors", List.of(Map.of("field", e.getName(), "reason", "has an invalid value")));
        return pd;
    }

    /** A query parameter whose percent-encoding is not UTF-8 ("?cursor=%ff"): the server cannot read it. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodable(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "a query parameter is not valid percent-encoded UTF-8");
    }

    /**
     * The database could not give a lock in time (on H2 a large import writes alone for a while; on
     * PostgreSQL a deadlock victim): nothing was written, and the same request will likely pass.
     */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> busy(TransientDataAccessException e) {
        log.warn("database busy, answered 503: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, BUSY));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(validation(problems));
    }

    /** Malformed JSON is 400 with its position; well-formed JSON with a bad value is 422 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                ProblemDetail pd = problem(HttpStatus.CONTENT_TOO_LARGE, BodyTooLargeException.detail(tooLarge.limit()));
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(pd);
            }
            if (t instanceof StreamConstraintsException limit) {
                // the limit in words, without the parser's own class and method names
                String what = limit.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")");
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                        "the JSON exceeds a parser limit: " + what));
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof Utf8Bodies.BadText bad) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, bad.getMessage()));
        }
        if (cause instanceof InputCoercionException range && !range.getPath().isEmpty()) {
            // well-formed JSON, a number too large for its field: the field's fault, not the syntax's
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(validation(List.of(
                    new FieldProblem(path(range), "is a number out of range for this field"))));
        }
        if (cause instanceof StreamReadException parse) {
            TokenStreamLocation at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "malformed JSON" + where + ": "
                    + parse.getOriginalMessage());
            if (at != null) {
                pd.setProperty("line", at.getLineNr());
                pd.setProperty("column", at.getColumnNr());
            }
            return ResponseEntity.badRequest().body(pd);
        }
        if (cause instanceof JacksonException bind && !bind.getPath().isEmpty()) {
            String field = path(bind);
            String reason = bind instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type or format";
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(validation(List.of(new FieldProblem(field, reason))));
        }
        if (cause instanceof JacksonException) {
            // well-formed JSON of another shape (an object where a list goes, a list inside a list of texts)
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(validation(List.of(new FieldProblem(
                    "body", "has a value of the wrong type or shape for this request (see /api/openapi.json)"))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                "the request body is missing or is not JSON"));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static ProblemDetail validation(List<FieldProblem> problems) {
        ProblemDetail pd = problem(HttpStatus.UNPROCESSABLE_CONTENT, problems.stream()
                .map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        pd.setType(VALIDATION);
        pd.setTitle("Invalid input");
        pd.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return pd;
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
