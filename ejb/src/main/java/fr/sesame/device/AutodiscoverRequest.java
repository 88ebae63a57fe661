package fr.sesame.device;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the address out of an Outlook Autodiscover request. The body comes from anyone on the
 * internet: it is size-limited by the caller, and the parser refuses any document type declaration,
 * so no entity (internal or external) is ever expanded and no file or URL is ever fetched.
 */
public final class AutodiscoverRequest {

    /** A request is a few hundred bytes; anything above this is not one. */
    public static final int MAX_BYTES = 16 * 1024;
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,190}");

    private AutodiscoverRequest() {
    }

    /** The address asked about, if the body is a well-formed request with one. */
    public static Optional<String> address(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            Document document = parser().parse(new ByteArrayInputStream(body));
            NodeList addresses = document.getElementsByTagNameNS("*", "EMailAddress");
            if (addresses.getLength() != 1) {
                return Optional.empty();
            }
            String address = addresses.item(0).getTextContent().strip();
            return ADDRESS.matcher(address).matches() ? Optional.of(address) : Optional.empty();
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // nothing printed: a bad body is only refused
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }
}
