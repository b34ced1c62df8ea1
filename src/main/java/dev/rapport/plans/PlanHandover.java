package dev.rapport.plans;

import org.springframework.stereotype.Component;

import dev.rapport.clients.OpenWorkHandover;
import dev.rapport.shared.JdbcHandover;

/** Active key-account plans move with their client to its new owner. */
@Component
class PlanHandover extends OpenWorkHandover {
    PlanHandover(JdbcHandover handover) {
        super(handover, "account_plan", "active = TRUE", "active plan(s)");
    }
}
