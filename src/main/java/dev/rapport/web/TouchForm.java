package dev.rapport.web;

import java.util.List;

import dev.rapport.clients.Channel;
import dev.rapport.clients.Direction;
import dev.rapport.clients.NewTouch;
import dev.rapport.shared.FieldProblem;
import dev.rapport.shared.Problems;

/**
 * The quick "log a touch" form. 'who' folds direction and update request into one choice, because
 * only an inbound touch can be a request: outbound, inbound, or update_request (inbound, late signal).
 */
record TouchForm(String channel, String who, String minutes, String note) {
    static final List<String> WHO = List.of("outbound", "inbound", "update_request");

    static TouchForm blank() {
        return new TouchForm(Channel.PHONE.code(), "outbound", "", "");
    }

    NewTouch toNewTouch() {
        Problems problems = new Problems();
        Channel ch = channel == null ? null : Channel.fromCode(channel).orElse(null);
        problems.check(ch != null, "channel", "choose how you were in touch");
        problems.check(who != null && WHO.contains(who), "who", "choose who reached out");
        Integer mins = Forms.optionalInt(minutes, "minutes", problems);
        problems.throwIfAny();
        Direction direction = "outbound".equals(who) ? Direction.OUTBOUND : Direction.INBOUND;
        return new NewTouch(null, ch, direction, mins, note, null, "update_request".equals(who), false);
    }

    /** The service's field names onto this form's; the time is never entered here. */
    static FieldProblem toFormField(FieldProblem p) {
        return switch (p.field()) {
            case "channel", "minutes", "note", "who" -> p;
            case "direction", "updateRequest" -> new FieldProblem("who", p.reason());
            default -> new FieldProblem(null, p.field() + " " + p.reason());
        };
    }
}
