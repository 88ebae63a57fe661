package fr.sesame.device;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The documents mail clients read to set themselves up: Thunderbird's autoconfig ({@code clientConfig}
 * 1.1), Outlook's Autodiscover answer (plain XML, "outlook" schema) and an Apple configuration profile
 * ({@code com.apple.mail.managed}). Written with an XML writer, so every value is escaped; never a
 * password.
 */
public final class MailClientDocuments {

    static final String AUTODISCOVER_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    public static final String APPLE_PROFILE_TYPE = "application/x-apple-aspen-config";

    private MailClientDocuments() {
    }

    /**
     * Thunderbird's autoconfig. The username is the address: the file is public and never says which
     * identifiant goes with which address.
     */
    public static String thunderbird(MailServers servers) {
        return write(xml -> {
            xml.writeStartElement("clientConfig");
            xml.writeAttribute("version", "1.1");
            xml.writeStartElement("emailProvider");
            xml.writeAttribute("id", servers.domain());
            element(xml, "domain", servers.domain());
            element(xml, "displayName", servers.displayName());
            element(xml, "displayShortName", servers.displayName());
            server(xml, "incomingServer", "imap", servers.imap());
            server(xml, "outgoingServer", "smtp", servers.smtp());
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void server(XMLStreamWriter xml, String element, String type, Endpoint endpoint) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("type", type);
        element(xml, "hostname", endpoint.host());
        element(xml, "port", String.valueOf(endpoint.port()));
        element(xml, "socketType", endpoint.security() == Security.SSL_TLS ? "SSL" : "STARTTLS");
        element(xml, "authentication", "password-cleartext");
        element(xml, "username", "%EMAILADDRESS%");
        xml.writeEndElement();
    }

    /** Outlook's answer for one address of the académie's domain. */
    public static String autodiscover(MailServers servers, String address) {
        return write(xml -> {
            xml.writeStartElement("Autodiscover");
            xml.writeDefaultNamespace(AUTODISCOVER_RESPONSE);
            xml.writeStartElement("Response");
            xml.writeDefaultNamespace(OUTLOOK_RESPONSE);
            xml.writeStartElement("User");
            element(xml, "DisplayName", address);
            xml.writeEndElement();
            xml.writeStartElement("Account");
            element(xml, "AccountType", "email");
            element(xml, "Action", "settings");
            protocol(xml, "IMAP", servers.imap(), address);
            protocol(xml, "SMTP", servers.smtp(), address);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void protocol(XMLStreamWriter xml, String type, Endpoint endpoint, String login) throws XMLStreamException {
        xml.writeStartElement("Protocol");
        element(xml, "Type", type);
        element(xml, "Server", endpoint.host());
        element(xml, "Port", String.valueOf(endpoint.port()));
        element(xml, "DomainRequired", "off");
        element(xml, "LoginName", login);
        element(xml, "SPA", "off");
        element(xml, "SSL", "on");
        element(xml, "Encryption", endpoint.security() == Security.SSL_TLS ? "SSL" : "TLS");
        element(xml, "AuthRequired", "on");
        if (type.equals("SMTP")) {
            element(xml, "UsePOPAuth", "on");
            element(xml, "SMTPLast", "off");
        }
        xml.writeEndElement();
    }

    /** Autodiscover's answer to a request it cannot serve: Microsoft's error 600, "Invalid Request". */
    public static String autodiscoverError() {
        return write(xml -> {
            xml.writeStartElement("Autodiscover");
            xml.writeDefaultNamespace(AUTODISCOVER_RESPONSE);
            xml.writeStartElement("Response");
            xml.writeStartElement("Error");
            xml.writeAttribute("Id", "0");
            element(xml, "ErrorCode", "600");
            element(xml, "Message", "Invalid Request");
            xml.writeEmptyElement("DebugData");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /**
     * An Apple configuration profile with one mail account, prefilled for this agent; iOS asks for the
     * password when the profile is installed. The identifiers derive from the address, so installing
     * it again replaces the same account instead of adding one.
     */
    public static String appleProfile(MailServers servers, String address, String identifiant, String displayName,
                                      String description) {
        String login = servers.loginOf(identifiant, address);
        String reverseDomain = reverse(servers.domain());
        UUID accountUuid = UUID.nameUUIDFromBytes(("mail:" + address.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        UUID profileUuid = UUID.nameUUIDFromBytes(("profile:" + address.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        return write(xml -> {
            xml.writeDTD("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">");
            xml.writeStartElement("plist");
            xml.writeAttribute("version", "1.0");
            xml.writeStartElement("dict");
            key(xml, "PayloadContent");
            xml.writeStartElement("array");
            xml.writeStartElement("dict");
            string(xml, "EmailAccountDescription", servers.displayName());
            string(xml, "EmailAccountName", displayName);
            string(xml, "EmailAccountType", "EmailTypeIMAP");
            string(xml, "EmailAddress", address);
            string(xml, "IncomingMailServerAuthentication", "EmailAuthPassword");
            string(xml, "IncomingMailServerHostName", servers.imap().host());
            integer(xml, "IncomingMailServerPortNumber", servers.imap().port());
            bool(xml, "IncomingMailServerUseSSL", true);
            string(xml, "IncomingMailServerUsername", login);
            string(xml, "OutgoingMailServerAuthentication", "EmailAuthPassword");
            string(xml, "OutgoingMailServerHostName", servers.smtp().host());
            integer(xml, "OutgoingMailServerPortNumber", servers.smtp().port());
            bool(xml, "OutgoingMailServerUseSSL", true);
            string(xml, "OutgoingMailServerUsername", login);
            bool(xml, "OutgoingPasswordSameAsIncomingPassword", true);
            string(xml, "PayloadDescription", description);
            string(xml, "PayloadDisplayName", servers.displayName());
            string(xml, "PayloadIdentifier", reverseDomain + ".sesame.mail." + accountUuid);
            string(xml, "PayloadType", "com.apple.mail.managed");
            string(xml, "PayloadUUID", accountUuid.toString().toUpperCase(Locale.ROOT));
            integer(xml, "PayloadVersion", 1);
            bool(xml, "PreventMove", false);
            bool(xml, "SMIMEEnabled", false);
            xml.writeEndElement();
            xml.writeEndElement();
            string(xml, "PayloadDescription", description);
            string(xml, "PayloadDisplayName", servers.displayName() + " — " + address);
            string(xml, "PayloadIdentifier", reverseDomain + ".sesame.profile." + profileUuid);
            string(xml, "PayloadOrganization", servers.displayName());
            bool(xml, "PayloadRemovalDisallowed", false);
            string(xml, "PayloadType", "Configuration");
            string(xml, "PayloadUUID", profileUuid.toString().toUpperCase(Locale.ROOT));
            integer(xml, "PayloadVersion", 1);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static String reverse(String domain) {
        String[] parts = domain.toLowerCase(Locale.ROOT).split("\\.");
        StringBuilder reversed = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            reversed.append(parts[i]).append(i > 0 ? "." : "");
        }
        return reversed.toString();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            out.write("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write a mail client document", e);
        }
        return out + "\n";
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void key(XMLStreamWriter xml, String key) throws XMLStreamException {
        element(xml, "key", key);
    }

    private static void string(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        key(xml, key);
        element(xml, "string", value);
    }

    private static void integer(XMLStreamWriter xml, String key, int value) throws XMLStreamException {
        key(xml, key);
        element(xml, "integer", String.valueOf(value));
    }

    private static void bool(XMLStreamWriter xml, String key, boolean value) throws XMLStreamException {
        key(xml, key);
        xml.writeEmptyElement(value ? "true" : "false");
    }
}
