package dev.rapport.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The app with SMTP configured, pointing at a real SMTP server (GreenMail) on a free port of this
 * machine. One server per JVM: every test class extending this shares its Spring context per
 * database. Tests tell their mail apart by recipient (every test makes its own users).
 */
public abstract class MailAppTestBase extends AppTestBase {
    protected static final GreenMail SMTP = start();
    public static final String PUBLIC_URL = "http://rapport.test";

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("rapport.public-url", () -> PUBLIC_URL);
    }

    /** The mail GreenMail received for one address, oldest first. */
    protected static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
