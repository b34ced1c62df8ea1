package dev.rapport.attention;

/** A machine code and the sentence a person reads. */
public record Reason(ReasonCode code, String text) {
}
