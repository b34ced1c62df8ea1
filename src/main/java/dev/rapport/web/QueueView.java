package dev.rapport.web;

import java.time.LocalDate;
import java.util.List;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.Reason;
import dev.rapport.attention.ReasonCode;

/** The Today page's queue: entries ready to render and the counts shown above them. */
record QueueView(String date, List<Entry> entries, Counts counts) {

    record Entry(long id, String name, String tier, String lastTouch, List<ReasonView> reasons) {
    }

    record ReasonView(String code, String label, String text) {
        static ReasonView of(Reason r) {
            return new ReasonView(r.code().code(), QueueView.label(r.code()), r.text());
        }
    }

    record Counts(int total, int overdue, int dueToday, int lateSignals, int richDue, int promisesDue, int snoozed) {
    }

    static QueueView of(AttentionService.Queue queue) {
        List<Entry> entries = queue.entries().stream().map(QueueView::entry).toList();
        List<QueueEntry> raw = queue.entries();
        Counts counts = new Counts(raw.size(), count(raw, ReasonCode.OVERDUE), count(raw, ReasonCode.DUE),
                count(raw, ReasonCode.LATE_SIGNAL), count(raw, ReasonCode.RICH_CONTACT_DUE),
                count(raw, ReasonCode.PROMISE_DUE), queue.snoozed());
        return new QueueView(Formats.longDay(queue.date()), entries, counts);
    }

    static Entry entry(QueueEntry e) {
        return new Entry(e.clientId().value(), e.name(), e.tier(), lastTouch(e.lastTouchOn(), e.daysSinceTouch()),
                e.reasons().stream().map(ReasonView::of).toList());
    }

    private static String lastTouch(LocalDate on, Long days) {
        return on == null ? "Never touched" : "Last touch " + Formats.ago(days) + " (" + Formats.day(on) + ")";
    }

    private static int count(List<QueueEntry> entries, ReasonCode code) {
        return (int) entries.stream().filter(e -> e.has(code)).count();
    }

    static String label(ReasonCode code) {
        return switch (code) {
            case DUE -> "Due";
            case OVERDUE -> "Overdue";
            case RICH_CONTACT_DUE -> "Rich contact due";
            case LATE_SIGNAL -> "Late signal";
            case PROMISE_DUE -> "Promise due";
            case MILESTONE_UPDATE -> "Milestone update";
            case HONEYMOON -> "Honeymoon drop";
        };
    }
}
