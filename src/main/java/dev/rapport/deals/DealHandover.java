package dev.rapport.deals;

import org.springframework.stereotype.Component;

import dev.rapport.clients.OpenWorkHandover;
import dev.rapport.shared.JdbcHandover;

/** Open deals move with their client to its new owner. */
@Component
class DealHandover extends OpenWorkHandover {
    DealHandover(JdbcHandover handover) {
        super(handover, "deal", "status = 'open'", "open deal(s)");
    }
}
