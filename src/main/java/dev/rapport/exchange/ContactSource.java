package dev.rapport.exchange;

import java.io.Closeable;
import java.util.Iterator;

/** Contacts read one at a time from a file, so a file of any size is never held in memory. */
interface ContactSource extends Iterator<ContactRecord>, Closeable {
    /** What kind of file this turned out to be, for the report (e.g. "vCard 3.0", "Google CSV"). */
    String description();
}
