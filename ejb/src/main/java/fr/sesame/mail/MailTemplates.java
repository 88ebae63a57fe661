package fr.sesame.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of every e-mail and SMS, from the bundle {@code fr.sesame.mail.i18n.mails}: French by
 * default. A template {@code x} has the keys {@code x.subject} and {@code x.body} (e-mails) or
 * {@code x.sms} (SMS); parameters are {@link MessageFormat} arguments. An e-mail leaves as plain text and
 * as HTML, both drawn by {@link MailLayout}; its link to Sésame is a button that says {@code x.button}
 * (or {@code button}), and a mail about a request shows the reference that {@code x.reference} picks
 * among its arguments.
 */
@ApplicationScoped
public class MailTemplates {

    static final String BUNDLE = "fr.sesame.mail.i18n.mails";

    @Inject
    @ConfigProperty(name = "sesame.mail.language")
    String language;

    @Inject
    @ConfigProperty(name = "sesame.academie.name")
    String academieName;

    @Inject
    @ConfigProperty(name = "sesame.time-zone")
    String timeZone;

    /** The address of Sésame: the only one a mail's button opens. */
    @Inject
    @ConfigProperty(name = "sesame.public-url")
    String publicUrl;

    public MailTemplates() {
        // for CDI
    }

    /** Without Sésame's address: the first https link of a mail is its button. */
    MailTemplates(String language, String academieName, String timeZone) {
        this(language, academieName, timeZone, null);
    }

    MailTemplates(String language, String academieName, String timeZone, String publicUrl) {
        this.language = language;
        this.academieName = academieName;
        this.timeZone = timeZone;
        this.publicUrl = publicUrl;
    }

    /** A moment as people of the académie read it: "28 novembre 2026, 07:30". */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(ZoneId.of(timeZone)));
    }

    /** A day as people of the académie read it: "30 juin 2027". */
    public String date(java.time.LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)).format(day);
    }

    public MailText email(String template, Object... arguments) {
        ResourceBundle bundle = bundle();
        String subject = format(bundle, template + ".subject", arguments);
        String body = format(bundle, template + ".body", arguments);
        String signature = format(bundle, "signature", academieName);
        String button = format(bundle, bundle.containsKey(template + ".button") ? template + ".button" : "button");
        String reference = bundle.containsKey(template + ".reference")
                ? format(bundle, "reference", format(bundle, template + ".reference", arguments)) : null;
        String html = MailLayout.html(new MailLayout.Page(locale().toLanguageTag(), subject, academieName, reference,
                MailParagraphs.of(body, publicUrl, button, format(bundle, "button.fallback")),
                MailParagraphs.footer(signature)));
        return new MailText(template, subject, MailLayout.text(new MailLayout.Text(body, signature)), html);
    }

    public SmsText sms(String template, Object... arguments) {
        return new SmsText(template, format(template + ".sms", arguments));
    }

    /** A text of the bundle that is neither an e-mail nor a SMS: a ticket's subject or note written by Sésame. */
    public String text(String key, Object... arguments) {
        return format(key, arguments);
    }

    private String format(String key, Object... arguments) {
        return format(bundle(), key, arguments);
    }

    private String format(ResourceBundle bundle, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale()).format(arguments);
    }

    private Locale locale() {
        return Locale.forLanguageTag(language);
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale(), MailTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
