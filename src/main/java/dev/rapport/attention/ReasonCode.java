package dev.rapport.attention;

import java.util.Locale;

/** Why a client is in the queue; distinct codes, due and overdue never both. */
public enum ReasonCode {
    DUE, OVERDUE, RICH_CONTACT_DUE, LATE_SIGNAL, PROMISE_DUE, MILESTONE_UPDATE, HONEYMOON;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
