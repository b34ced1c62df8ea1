package dev.rapport.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.rapport.shared.InvalidInputException;

/** Records read on a second thread come out in file order, failures as the reader threw them. */
class ReadAheadTest {

    /** Records numbered 1..n; fails with {@code failure} after {@code failAfter} records (if given). */
    private static final class Numbers implements ContactSource {
        private final int n;
        private final int failAfter;
        private final RuntimeException failure;
        private int read;
        final AtomicBoolean closed = new AtomicBoolean();

        Numbers(int n, int failAfter, RuntimeException failure) {
            this.n = n;
            this.failAfter = failAfter;
            this.failure = failure;
        }

        @Override
        public boolean hasNext() {
            if (failure != null && read == failAfter) {
                throw failure;
            }
            return read < n;
        }

        @Override
        public ContactRecord next() {
            read++;
            return ContactRecord.rejected(read, "card", "test");
        }

        @Override
        public String description() {
            return "numbers " + read;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void everyRecordInFileOrderThenTheReadersDescription() throws Exception {
        Numbers source = new Numbers(ReadAhead.BATCH * ReadAhead.BATCHES * 3 + 7, 0, null);
        List<Long> lines = new ArrayList<>();
        try (ReadAhead records = new ReadAhead(source)) {
            while (records.hasNext()) {
                lines.add(records.next().line());
            }
            assertThat(records.description()).isEqualTo("numbers " + lines.size());
        }
        assertThat(lines).hasSize(3007).isSorted().startsWith(1L).endsWith(3007L);
        assertThat(source.closed).isTrue();
    }

    @Test
    void theReadersFailureReachesTheImporterAfterTheRecordsBeforeIt() throws Exception {
        InvalidInputException unreadable = new InvalidInputException("file", "has an unclosed quote");
        List<Long> lines = new ArrayList<>();
        try (ReadAhead records = new ReadAhead(new Numbers(500, 150, unreadable))) {
            assertThatThrownBy(() -> {
                while (records.hasNext()) {
                    lines.add(records.next().line());
                }
            }).isSameAs(unreadable);
        }
        assertThat(lines).hasSize(150);
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesTheFile() throws Exception {
        Numbers source = new Numbers(1_000_000, 0, null);
        try (ReadAhead records = new ReadAhead(source)) {
            assertThat(records.next().line()).isEqualTo(1);
        }
        assertThat(source.closed).isTrue();
    }
}
