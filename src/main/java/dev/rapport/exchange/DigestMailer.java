package dev.rapport.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Renders a digest (Thymeleaf: HTML with escaped output and inline styles, which email clients
 * need and CSP does not govern, plus a plain-text part) and sends it over SMTP. Without
 * spring.mail.host (empty by default, so Spring Boot's sender exists but has nowhere to send) the
 * digest is off.
 */
@Component
class DigestMailer {
    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String smtp;
    private final boolean hostSet;
    private final CalendarLinks links;
    private final Clock clock;
    private final SpringTemplateEngine templates = templateEngine();

    DigestMailer(ObjectProvider<JavaMailSender> sender, @Value("${rapport.mail.from:Rapport <rapport@localhost>}") String from,
                 @Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") String port,
                 CalendarLinks links, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.smtp = host + ":" + port;
        this.hostSet = !host.isBlank();
        this.links = links;
        this.clock = clock;
    }

    boolean configured() {
        return hostSet && sender.getIfAvailable() != null;
    }

    /** Says once, at start, whether digests go out. */
    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!configured()) {
            log.info("Email digest is off: no SMTP server configured (set spring.mail.host, or SPRING_MAIL_HOST)");
        } else if (!links.configured()) {
            log.warn("Email digest is on via {} but rapport.public-url (RAPPORT_PUBLIC_URL) is not set: links in "
                    + "digests point to {}", smtp, links.mailBase());
        } else {
            log.info("Email digest is on via {}, from {}", smtp, from);
        }
    }

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(Digest digest) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("d", digest);
        return new Rendered(digest.subject(), templates.process("digest.txt", context),
                templates.process("digest.html", context));
    }

    /** Sends one digest as multipart/alternative; throws when the SMTP server did not take it. */
    void send(String to, String toName, Digest digest, boolean test) {
        if (!configured()) {
            throw new IllegalStateException("no SMTP server configured");
        }
        JavaMailSender mail = sender.getObject();
        Rendered r = render(digest);
        MimeMessage message = mail.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, Digest.oneLine(toName),
                    StandardCharsets.UTF_8.name()));
            message.setSubject(test ? "[Test] " + r.subject() : r.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            // RFC 8058 one-click unsubscribe, and no auto-replies (RFC 3834, Outlook)
            message.setHeader("List-Unsubscribe", "<" + digest.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(r.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(r.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build the digest for " + to, e);
        }
        mail.send(message);
    }

    private static SpringTemplateEngine templateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(DigestMailer.class.getClassLoader());
        r.setPrefix("mail/");
        r.setTemplateMode(mode);
        r.setResolvablePatterns(Set.of(pattern));
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCacheable(true);
        r.setOrder(order);
        return r;
    }
}
