package dev.rapport.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a file's records on a second thread while the importer matches and writes the ones before
 * them: parsing (a quarter of an import's time) overlaps the database work. The thread stays at most
 * {@link #BATCHES} batches of {@link #BATCH} records ahead, so memory stays bounded, and it never touches
 * the database. Records come out in file order; whatever stopped the reader is thrown by the caller's
 * next {@link #hasNext()}, exactly as the reader threw it.
 */
final class ReadAhead implements ContactSource {
    static final int BATCH = 100;
    static final int BATCHES = 10;
    private static final List<ContactRecord> END = List.of();

    private final ContactSource source;
    private final BlockingQueue<List<ContactRecord>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private Iterator<ContactRecord> batch = END.iterator();
    private boolean ended;

    ReadAhead(ContactSource source) {
        this.source = source;
        this.thread = new Thread(this::read, "contact-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        List<ContactRecord> records = new ArrayList<>(BATCH);
        try {
            while (source.hasNext()) {
                records.add(source.next());
                if (records.size() == BATCH) {
                    queue.put(records);
                    records = new ArrayList<>(BATCH);
                }
            }
        } catch (InterruptedException e) {
            return; // the importer gave up and closed
        } catch (RuntimeException | Error e) {
            failure = e; // thrown after the records read before it, as without a second thread
        }
        try {
            if (!records.isEmpty()) {
                queue.put(records);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext() && !ended) {
            List<ContactRecord> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the file", e);
            }
            ended = next == END;
            batch = next.iterator();
        }
        if (ended && failure != null) {
            rethrow(failure);
        }
        return batch.hasNext();
    }

    private static void rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }

    @Override
    public ContactRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    /** Valid once every record was read (the reader learns the file's versions as it goes). */
    @Override
    public String description() {
        return source.description();
    }

    /** Stops the reader if the importer failed first and waits for it: no thread outlives the import. */
    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
