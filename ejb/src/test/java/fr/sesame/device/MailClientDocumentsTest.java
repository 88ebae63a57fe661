package fr.sesame.device;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MailClientDocumentsTest {

    static final MailServers DEFAULTS = new MailServers("ac-amiens.fr", "Académie d’Amiens",
            new Endpoint("imap.ac-amiens.fr", 993, Security.SSL_TLS), new Endpoint("smtp.ac-amiens.fr", 465, Security.SSL_TLS), false);
    static final MailServers CONFIGURED = new MailServers("ac-exemple.fr", "Académie <d’Exemple> & co",
            new Endpoint("mail.ac-exemple.fr", 1993, Security.SSL_TLS), new Endpoint("relais.ac-exemple.fr", 587, Security.STARTTLS), true);

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static Element child(Document document, String name, String type) {
        NodeList nodes = document.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (element.getAttribute("type").equals(type)) {
                return element;
            }
        }
        throw new AssertionError("no " + name + " of type " + type);
    }

    /** A plist dict as key → value text ("true"/"false" for booleans). */
    static Map<String, String> dict(Element dict) {
        Map<String, String> values = new LinkedHashMap<>();
        String key = null;
        for (Node node = dict.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if (element.getTagName().equals("key")) {
                key = element.getTextContent();
            } else {
                values.put(key, switch (element.getTagName()) {
                    case "true", "false" -> element.getTagName();
                    case "array", "dict" -> "(" + element.getTagName() + ")";
                    default -> element.getTextContent();
                });
            }
        }
        return values;
    }

    @Test
    void thunderbirdGetsTheDefaultServers() throws Exception {
        Document document = parse(MailClientDocuments.thunderbird(DEFAULTS));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("clientConfig");
        assertThat(root.getAttribute("version")).isEqualTo("1.1");
        assertThat(((Element) root.getElementsByTagName("emailProvider").item(0)).getAttribute("id")).isEqualTo("ac-amiens.fr");
        assertThat(text(root, "domain")).isEqualTo("ac-amiens.fr");
        Element imap = child(document, "incomingServer", "imap");
        assertThat(text(imap, "hostname")).isEqualTo("imap.ac-amiens.fr");
        assertThat(text(imap, "port")).isEqualTo("993");
        assertThat(text(imap, "socketType")).isEqualTo("SSL");
        assertThat(text(imap, "authentication")).isEqualTo("password-cleartext");
        assertThat(text(imap, "username")).isEqualTo("%EMAILADDRESS%");
        Element smtp = child(document, "outgoingServer", "smtp");
        assertThat(text(smtp, "hostname")).isEqualTo("smtp.ac-amiens.fr");
        assertThat(text(smtp, "port")).isEqualTo("465");
    }

    @Test
    void thunderbirdGetsAConfiguredDomainWithItsNameEscaped() throws Exception {
        Document document = parse(MailClientDocuments.thunderbird(CONFIGURED));
        assertThat(text(document.getDocumentElement(), "displayName")).isEqualTo("Académie <d’Exemple> & co");
        Element smtp = child(document, "outgoingServer", "smtp");
        assertThat(text(smtp, "hostname")).isEqualTo("relais.ac-exemple.fr");
        assertThat(text(smtp, "port")).isEqualTo("587");
        assertThat(text(smtp, "socketType")).isEqualTo("STARTTLS");
        assertThat(text(child(document, "incomingServer", "imap"), "port")).isEqualTo("1993");
    }

    @Test
    void autodiscoverAnswersInOutlooksSchema() throws Exception {
        Document document = parse(MailClientDocuments.autodiscover(CONFIGURED, "claire.martin@ac-exemple.fr"));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(MailClientDocuments.AUTODISCOVER_RESPONSE);
        Element response = (Element) root.getElementsByTagNameNS(MailClientDocuments.OUTLOOK_RESPONSE, "Response").item(0);
        assertThat(response).isNotNull();
        assertThat(text(response, "AccountType")).isEqualTo("email");
        assertThat(text(response, "Action")).isEqualTo("settings");
        NodeList protocols = response.getElementsByTagNameNS(MailClientDocuments.OUTLOOK_RESPONSE, "Protocol");
        assertThat(protocols.getLength()).isEqualTo(2);
        Element imap = (Element) protocols.item(0);
        Element smtp = (Element) protocols.item(1);
        assertThat(text(imap, "Type")).isEqualTo("IMAP");
        assertThat(text(imap, "Server")).isEqualTo("mail.ac-exemple.fr");
        assertThat(text(imap, "Port")).isEqualTo("1993");
        assertThat(text(imap, "LoginName")).isEqualTo("claire.martin@ac-exemple.fr");
        assertThat(text(imap, "Encryption")).isEqualTo("SSL");
        assertThat(text(smtp, "Type")).isEqualTo("SMTP");
        assertThat(text(smtp, "Port")).isEqualTo("587");
        assertThat(text(smtp, "Encryption")).isEqualTo("TLS");
    }

    @Test
    void autodiscoverErrorIsMicrosoftsInvalidRequest() throws Exception {
        Document document = parse(MailClientDocuments.autodiscoverError());
        assertThat(text(document.getDocumentElement(), "ErrorCode")).isEqualTo("600");
    }

    @Test
    void theAppleProfileIsAPlistWithOneManagedMailAccountAndNoPassword() throws Exception {
        String plist = MailClientDocuments.appleProfile(DEFAULTS, "claire.martin@ac-amiens.fr", "cmartin", "Claire Martin",
                "Votre messagerie académique");
        assertThat(plist).contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"").doesNotContain("<key>IncomingPassword</key>", "<key>OutgoingPassword</key>");
        Document document = parse(plist);
        Element top = (Element) document.getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, String> profile = dict(top);
        assertThat(profile).containsEntry("PayloadType", "Configuration").containsEntry("PayloadVersion", "1")
                .containsEntry("PayloadOrganization", "Académie d’Amiens");
        Element account = (Element) top.getElementsByTagName("array").item(0).getFirstChild();
        while (!(account instanceof Element)) {
            account = (Element) account.getNextSibling();
        }
        Map<String, String> mail = dict(account);
        assertThat(mail).containsEntry("PayloadType", "com.apple.mail.managed")
                .containsEntry("EmailAccountType", "EmailTypeIMAP")
                .containsEntry("EmailAddress", "claire.martin@ac-amiens.fr")
                .containsEntry("EmailAccountName", "Claire Martin")
                .containsEntry("IncomingMailServerHostName", "imap.ac-amiens.fr")
                .containsEntry("IncomingMailServerPortNumber", "993")
                .containsEntry("IncomingMailServerUseSSL", "true")
                .containsEntry("IncomingMailServerUsername", "cmartin")
                .containsEntry("OutgoingMailServerHostName", "smtp.ac-amiens.fr")
                .containsEntry("OutgoingMailServerPortNumber", "465")
                .containsEntry("OutgoingMailServerUsername", "cmartin")
                .containsEntry("OutgoingPasswordSameAsIncomingPassword", "true");
        assertThat(mail.keySet()).noneMatch(key -> key.contains("Password") && !key.equals("OutgoingPasswordSameAsIncomingPassword"));
        assertThat(mail.get("PayloadUUID")).matches("[0-9A-F-]{36}").isNotEqualTo(profile.get("PayloadUUID"));
        // The same agent gets the same identifiers: installing again replaces the account.
        assertThat(MailClientDocuments.appleProfile(DEFAULTS, "Claire.Martin@ac-amiens.fr", "cmartin", "Claire Martin", "x"))
                .contains(mail.get("PayloadUUID"));
    }

    @Test
    void theAppleProfileUsesTheAddressAsUsernameWhenConfiguredSo() throws Exception {
        Document document = parse(MailClientDocuments.appleProfile(CONFIGURED, "jean.dupont@ac-exemple.fr", "jdupont",
                "Jean <Dupont>", "x"));
        String xml = MailClientDocuments.appleProfile(CONFIGURED, "jean.dupont@ac-exemple.fr", "jdupont", "Jean <Dupont>", "x");
        assertThat(xml).contains("Jean &lt;Dupont&gt;");
        assertThat(document.getElementsByTagName("string").getLength()).isGreaterThan(10);
        assertThat(xml).contains("<string>jean.dupont@ac-exemple.fr</string>").doesNotContain("<string>jdupont</string>");
    }
}
