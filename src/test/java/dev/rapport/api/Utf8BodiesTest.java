package dev.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8BodiesTest {

    @Test
    void acceptsValidTextLongerThanTheDecodingBuffer() {
        String text = "{\"name\":\"" + "Жанна 李小龍 😀 ".repeat(2000) + "\"}";
        assertThat(Utf8Bodies.validUtf8(text.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8Bodies.validUtf8(new byte[0])).isTrue();
    }

    @Test
    void refusesOverlongTruncatedAndSurrogateSequences() {
        assertThat(Utf8Bodies.validUtf8(new byte[] {'{', (byte) 0xC0, (byte) 0xAF, '}'})).as("overlong '/'").isFalse();
        assertThat(Utf8Bodies.validUtf8(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).as("cut at the end").isFalse();
        assertThat(Utf8Bodies.validUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).as("surrogate").isFalse();
        byte[] late = ("x".repeat(10_000) + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Utf8Bodies.validUtf8(late)).as("a Latin-1 byte after the first buffer").isFalse();
    }
}
