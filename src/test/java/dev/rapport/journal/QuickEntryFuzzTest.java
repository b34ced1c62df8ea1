package dev.rapport.journal;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.support.Fuzzing;

/**
 * Fuzzes the quick-entry grammar the web, the API and the CLI share ("30m email", "09:00-09:45 call
 * ACME @acme"), with the default categories and, sometimes, a team's own: an entry that keeps the
 * grammar's promises (1 to 1440 minutes, or a start before its end) or a clear {@link InvalidInputException}.
 * Seeds: src/test/resources/dev/rapport/journal/QuickEntryFuzzTestInputs/quickEntry/.
 */
class QuickEntryFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void quickEntry(FuzzedDataProvider in) {
        boolean withClient = in.consumeBoolean();
        List<Category> categories = new ArrayList<>(Category.defaults());
        if (in.consumeBoolean()) {
            String code = in.consumeString(20);
            if (!code.isEmpty()) {
                categories.add(new Category(code, in.consumeString(20), CategoryClass.INTERNAL, null, false));
            }
        }
        String text = in.consumeRemainingAsString();
        QuickEntry entry;
        try {
            entry = QuickEntry.parse(text, categories, withClient);
        } catch (InvalidInputException e) {
            String input = text + "\n" + categories;
            e.problems().forEach(p -> Fuzzing.assertClear(p.field(), p.reason(), input));
            return;
        }
        if (categories.stream().noneMatch(c -> c.code().equals(entry.category()))) {
            throw new AssertionError("unknown category " + entry.category() + " from " + text);
        }
        if (entry.timed()) {
            if (entry.end() == null || !entry.end().isAfter(entry.start()) || entry.minutes() != null) {
                throw new AssertionError("a timed entry that does not end after its start: " + entry);
            }
        } else if (entry.minutes() == null || entry.minutes() < 1 || entry.minutes() > QuickEntry.MAX_MINUTES) {
            throw new AssertionError("a duration outside 1..1440 minutes: " + entry + " from '" + text + "'");
        }
        if (entry.clientRef() != null && entry.clientRef().isEmpty()) {
            throw new AssertionError("an empty client reference from '" + text + "'");
        }
    }
}
