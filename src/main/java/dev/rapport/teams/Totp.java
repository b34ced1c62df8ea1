package dev.rapport.teams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/** RFC 6238 codes (SHA-1, 6 digits, 30 s), as every authenticator app expects them. */
public final class Totp {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);

    private Totp() {
    }

    /** 160 random bits in Base32, the form authenticator apps accept. */
    static String newSecret() {
        return new Base32().encodeToString(Secrets.randomBytes(20)).replace("=", "");
    }

    static String uri(String secret, String email) {
        String label = URLEncoder.encode("Rapport:" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Rapport&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * The time step whose code this is (allowing one step of clock drift either way), or empty.
     * Callers record the step so the same code is never accepted twice.
     */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        int wanted = Integer.parseInt(code.strip());
        var key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        long current = now.getEpochSecond() / STEP.getSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (generate(key, step) == wanted) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for an instant (tests and the CLI's enrolment check). */
    public static String codeAt(String secret, Instant at) {
        var key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        return String.format(Locale.ROOT, "%06d", generate(key, at.getEpochSecond() / STEP.getSeconds()));
    }

    private static int generate(SecretKeySpec key, long step) {
        try {
            return GENERATOR.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 accepts any key", e);
        }
    }
}
