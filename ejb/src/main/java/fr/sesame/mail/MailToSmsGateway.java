package fr.sesame.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMS through an e-mail-to-SMS gateway: the text is mailed to {@code <number>@<domain>}, as many
 * operators' gateways expect. In the embedded run the domain is the mail catcher's, so each number
 * has its own mailbox there ({@code 33612345678@sms.sesame.test}).
 */
@ApplicationScoped
public class MailToSmsGateway implements SmsGateway {

    @Inject
    MailDelivery mail;

    @Inject
    @ConfigProperty(name = "sesame.sms.mail-domain")
    String domain;

    @Override
    public void send(String number, String text) throws DeliveryException {
        mail.send(mailbox(number, domain), "SMS", text, null);
    }

    static String mailbox(String number, String domain) {
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("Not a phone number");
        }
        return digits + "@" + domain;
    }
}
