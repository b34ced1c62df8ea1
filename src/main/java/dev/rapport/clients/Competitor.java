package dev.rapport.clients;

/** A competitor courting this client, with what we know about them. */
public record Competitor(String name, String notes) {
}
