package dev.rapport.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems so a request reports all of them at once, then throws if any. */
public final class Problems {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Problems check(boolean ok, String field, String reason) {
        if (!ok) {
            problems.add(new FieldProblem(field, reason));
        }
        return this;
    }

    public Problems add(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
