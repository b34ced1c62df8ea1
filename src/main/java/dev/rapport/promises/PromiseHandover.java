package dev.rapport.promises;

import org.springframework.stereotype.Component;

import dev.rapport.clients.OpenWorkHandover;
import dev.rapport.shared.JdbcHandover;

/** Open and renegotiated promises move with their client to its new owner. */
@Component
class PromiseHandover extends OpenWorkHandover {
    PromiseHandover(JdbcHandover handover) {
        super(handover, "promise", "status IN ('open', 'renegotiated')", "open promise(s)");
    }
}
