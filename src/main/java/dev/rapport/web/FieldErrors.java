package dev.rapport.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.rapport.shared.FieldProblem;

/**
 * Validation messages keyed by form field, for showing next to the inputs. Services name fields
 * the way the API does (emails[0], cadence.maxDays); a mapper turns those into form field names,
 * and anything it cannot place becomes a message for the whole form.
 */
final class FieldErrors {
    static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

    private final Map<String, List<String>> byField;
    private final List<String> global;

    private FieldErrors(Map<String, List<String>> byField, List<String> global) {
        this.byField = byField;
        this.global = global;
    }

    /** Maps each problem to a form field (null = the form as a whole) and a message. */
    static FieldErrors of(List<FieldProblem> problems, Function<FieldProblem, FieldProblem> mapper) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (FieldProblem problem : problems) {
            FieldProblem mapped = mapper.apply(problem);
            if (mapped.field() == null) {
                global.add(mapped.reason());
            } else {
                byField.computeIfAbsent(mapped.field(), k -> new ArrayList<>()).add(mapped.reason());
            }
        }
        return new FieldErrors(byField, global);
    }

    static FieldErrors of(List<FieldProblem> problems) {
        return of(problems, Function.identity());
    }

    static FieldErrors global(String message) {
        return new FieldErrors(Map.of(), List.of(message));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's messages as one sentence, or null when it has none. */
    public String get(String field) {
        List<String> messages = byField.get(field);
        return messages == null ? null : String.join("; ", messages);
    }

    public boolean any() {
        return !byField.isEmpty() || !global.isEmpty();
    }

    public List<String> getGlobal() {
        return global;
    }

    public List<String> getFields() {
        return List.copyOf(byField.keySet());
    }
}
