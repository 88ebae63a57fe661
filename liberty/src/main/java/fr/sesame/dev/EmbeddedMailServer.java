package fr.sesame.dev;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server that catches every mail Sésame sends. Any login reads the mailbox
 * named by the address: log in as {@code claire.martin@example.org} with any password. The same
 * server also listens with TLS (SMTPS, IMAPS; GreenMail's self-signed certificate), standing for the
 * académie's servers in the devices page's connection test.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static EmbeddedMailServer start(String host, int smtpPort, int imapPort, int smtpsPort, int imapsPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(smtpsPort, host, ServerSetup.PROTOCOL_SMTPS),
                new ServerSetup(imapsPort, host, ServerSetup.PROTOCOL_IMAPS)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new EmbeddedMailServer(greenMail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
