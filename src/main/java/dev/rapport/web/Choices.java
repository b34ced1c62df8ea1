package dev.rapport.web;

import java.util.Arrays;
import java.util.List;

import dev.rapport.clients.Channel;
import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientStatus;

/** Options for selects: a machine value and the label a person reads. */
record Choices(String value, String label) {
    static final List<Choices> CHANNELS = Arrays.stream(Channel.values())
            .map(c -> new Choices(c.code(), Formats.label(c.code()))).toList();
    static final List<Choices> STATUSES = Arrays.stream(ClientStatus.values())
            .map(s -> new Choices(s.code(), Formats.label(s.code()))).toList();
    static final List<Choices> KINDS = Arrays.stream(ClientKind.values())
            .map(k -> new Choices(k.code(), Formats.label(k.code()))).toList();
    static final List<Choices> WHO = List.of(new Choices("outbound", "I reached out"),
            new Choices("inbound", "They reached out"),
            new Choices("update_request", "They asked for an update"));
    static final List<Choices> DEPTHS = List.of(new Choices("1", "1 · features & benefits"),
            new Choices("2", "2 · motives & values"), new Choices("3", "3 · emotional / core"));
}
