package fr.sesame.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one layout every e-mail is drawn in, as two Mustache templates ({@code fr/sesame/mail/templates/}):
 * the plain text, and the HTML that shows the same body with the académie's name, a button for its link,
 * the reference and the signature. Both are compiled once. The templates hold markup only: every word comes
 * from the bundle, every value is escaped in the HTML (Mustache's {@code {{value}}}), written as it is in
 * the plain text.
 */
final class MailLayout {

    private static final String FOLDER = "/fr/sesame/mail/templates/";

    /** The plain text is not HTML: values are written as they are. */
    private static final Mustache TEXT = compile(new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("Cannot write a value of the plain-text layout", e);
            }
        }
    }, "layout.txt.mustache");

    private static final Mustache HTML = compile(new DefaultMustacheFactory(), "layout.html.mustache");

    private MailLayout() {
    }

    /** What the plain-text layout draws: the body, then the signature. */
    record Text(String body, String signature) {
    }

    /**
     * What the HTML layout draws of one e-mail.
     *
     * @param lang      the language of its texts ({@code sesame.mail.language})
     * @param title     its subject
     * @param academie  the académie's name, at the top
     * @param reference "Référence : SES-…" for the mails about a request, or null
     */
    record Page(String lang, String title, String academie, String reference, List<Block> blocks, Paragraph footer) {
    }

    /** A paragraph of the body, or its button: one of the two. */
    record Block(Paragraph paragraph, Button button) {
    }

    record Paragraph(List<Line> lines) {
    }

    /** @param first whether it starts its paragraph (the others follow a line break) */
    record Line(boolean first, boolean indented, List<Segment> segments) {
    }

    /** Text, or an address shown as itself and linked. */
    record Segment(String text, boolean link) {
    }

    /** @param fallback the sentence that gives the address for clients that draw no button */
    record Button(String href, String label, String fallback) {
    }

    static String text(Text text) {
        return render(TEXT, text);
    }

    static String html(Page page) {
        return render(HTML, page);
    }

    private static String render(Mustache template, Object scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    private static Mustache compile(DefaultMustacheFactory factory, String name) {
        try (InputStream in = MailLayout.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("No template " + FOLDER + name);
            }
            // Read here rather than through the factory's resolver, which looks in the thread's class loader.
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return factory.compile(reader, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + name, e);
        }
    }
}
