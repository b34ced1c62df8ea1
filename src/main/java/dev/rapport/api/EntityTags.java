package dev.rapport.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Entity tags (RFC 9110) computed from what an answer contains: equal content, equal tag. */
final class EntityTags {
    private EntityTags() {
    }

    /** A weak tag over the parts, in order (a part's boundaries count: "a","bc" differs from "ab","c"). */
    static String weak(List<String> parts) {
        StringBuilder all = new StringBuilder();
        for (String part : parts) {
            all.append(part.length()).append(':').append(part);
        }
        return "W/\"" + digest(all.toString()) + "\"";
    }

    /** SHA-256 of the UTF-8 text, first 128 bits, base64url without padding (no quote or comma in it). */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
