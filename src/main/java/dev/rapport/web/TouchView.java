package dev.rapport.web;

import java.time.ZoneId;
import java.util.Map;

import dev.rapport.clients.Direction;
import dev.rapport.clients.Touch;
import dev.rapport.shared.UserId;

/** One line of a client's timeline; late signals (the client had to ask) are flagged. */
record TouchView(String at, String channel, String direction, String minutes, String note, Integer rating,
                 boolean late, boolean automated, String by) {

    static TouchView of(Touch t, Map<UserId, String> members, ZoneId zone) {
        return new TouchView(Formats.dayTime(t.at(), zone), Formats.label(t.channel().code()),
                t.direction() == Direction.OUTBOUND ? "Outbound" : "Inbound",
                t.minutes() == null ? null : t.minutes() + " min", t.note(), t.rating(), t.lateSignal(),
                t.automated(), members.getOrDefault(t.userId(), "Former member"));
    }
}
