package dev.rapport.exchange;

/** A user's digest preference in one team: on or off, and the local hour (0-23) it is sent from. */
public record DigestSettings(boolean enabled, int hour) {
    /** Opt-out: on, at 07:00 in the user's time zone. */
    public static final DigestSettings DEFAULT = new DigestSettings(true, 7);
}
