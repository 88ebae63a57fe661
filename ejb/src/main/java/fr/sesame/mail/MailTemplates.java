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
 * {@code x.sms} (SMS); parameters are {@link MessageFormat} arguments.
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

    public MailTemplates() {
        // for CDI
    }

    MailTemplates(String language, String academieName, String timeZone) {
        this.language = language;
        this.academieName = academieName;
        this.timeZone = timeZone;
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
        return new MailText(template, format(template + ".subject", arguments), format(template + ".body", arguments)
                + "\n\n" + format("signature", academieName));
    }

    public SmsText sms(String template, Object... arguments) {
        return new SmsText(template, format(template + ".sms", arguments));
    }

    /** A text of the bundle that is neither an e-mail nor a SMS: a ticket's subject or note written by Sésame. */
    public String text(String key, Object... arguments) {
        return format(key, arguments);
    }

    private String format(String key, Object... arguments) {
        Locale locale = Locale.forLanguageTag(language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, MailTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
