package dev.rapport.shared;

/** One rejected field with a human-readable reason. */
public record FieldProblem(String field, String reason) {
}
