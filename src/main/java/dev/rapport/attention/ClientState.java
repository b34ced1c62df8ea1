package dev.rapport.attention;

import dev.rapport.clients.CadenceFacts;

/** Engine input for one client: its stored facts plus what other features know about it. */
public record ClientState(CadenceFacts facts, boolean activeListing, Snooze snooze) {
}
