package fr.sesame.mail;

import fr.sesame.mail.MailLayout.Block;
import fr.sesame.mail.MailLayout.Button;
import fr.sesame.mail.MailLayout.Line;
import fr.sesame.mail.MailLayout.Paragraph;
import fr.sesame.mail.MailLayout.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text body read as the HTML layout draws it: paragraphs (blank lines between them), their lines
 * (an indented line stays indented), the addresses in them as links, and the mail's one link to Sésame
 * as a button. The texts stay those of the bundle: only their shape is read here.
 */
final class MailParagraphs {

    /** An address as the texts write it: up to a space, never across markup or quotes. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** What ends a sentence after an address rather than the address itself. */
    private static final String TRAILING = ".,;:!?)]}»’'\"";
    /** A line of dashes is the text's separator above the signature; the HTML draws a rule instead. */
    private static final Pattern SEPARATOR = Pattern.compile("[-—–_\\s]+");

    private MailParagraphs() {
    }

    /**
     * @param site          Sésame's own address ({@code sesame.public-url}): the button only ever opens Sésame, never
     *                      an address somebody typed into a request; null for any https address
     * @param buttonLabel   what the button says
     * @param fallback      the sentence under the button that shows its address for clients that draw no button
     */
    static List<Block> of(String body, String site, String buttonLabel, String fallback) {
        List<Block> blocks = new ArrayList<>();
        boolean buttonDrawn = false;
        for (String paragraph : body.replace("\r\n", "\n").split("\n[ \\t]*\n")) {
            List<Line> lines = new ArrayList<>();
            for (String raw : paragraph.split("\n")) {
                boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
                String line = raw.strip();
                List<Segment> segments = new ArrayList<>();
                Matcher url = URL.matcher(line);
                int from = 0;
                while (url.find(from)) {
                    String address = trimmed(url.group());
                    int end = url.start() + address.length();
                    addText(segments, line.substring(from, url.start()));
                    if (!buttonDrawn && opensSesame(address, site)) {
                        // The button stands on its own between what comes before the address and what follows it.
                        stripEnd(segments);
                        addLine(lines, indented, segments);
                        addParagraph(blocks, lines);
                        lines = new ArrayList<>();
                        segments = new ArrayList<>();
                        blocks.add(new Block(null, new Button(address, buttonLabel, fallback)));
                        buttonDrawn = true;
                        from = skipSpaces(line, end);
                    } else {
                        segments.add(new Segment(address, true));
                        from = end;
                    }
                }
                addText(segments, line.substring(from));
                addLine(lines, indented, segments);
            }
            addParagraph(blocks, lines);
        }
        return List.copyOf(blocks);
    }

    /** The signature's lines, without the separator the plain text draws above it. */
    static Paragraph footer(String signature) {
        List<Line> lines = new ArrayList<>();
        for (String line : signature.replace("\r\n", "\n").split("\n")) {
            if (!line.isBlank() && !SEPARATOR.matcher(line).matches()) {
                lines.add(new Line(lines.isEmpty(), false, List.of(new Segment(line.strip(), false))));
            }
        }
        return new Paragraph(List.copyOf(lines));
    }

    static boolean opensSesame(String address, String site) {
        if (!address.regionMatches(true, 0, "https://", 0, "https://".length())) {
            return false;
        }
        if (site == null || site.isBlank()) {
            return true;
        }
        String base = site.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        return address.regionMatches(true, 0, base, 0, base.length())
                && (address.length() == base.length() || "/?#".indexOf(address.charAt(base.length())) >= 0);
    }

    private static String trimmed(String address) {
        int end = address.length();
        while (end > 0 && TRAILING.indexOf(address.charAt(end - 1)) >= 0) {
            end--;
        }
        return address.substring(0, end);
    }

    private static int skipSpaces(String line, int from) {
        int at = from;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    private static void addText(List<Segment> segments, String text) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, false));
        }
    }

    private static void stripEnd(List<Segment> segments) {
        if (!segments.isEmpty() && !segments.get(segments.size() - 1).link()) {
            String text = segments.remove(segments.size() - 1).text().stripTrailing();
            addText(segments, text);
        }
    }

    private static void addLine(List<Line> lines, boolean indented, List<Segment> segments) {
        if (!segments.isEmpty()) {
            lines.add(new Line(lines.isEmpty(), indented, List.copyOf(segments)));
        }
    }

    private static void addParagraph(List<Block> blocks, List<Line> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Block(new Paragraph(List.copyOf(lines)), null));
        }
    }
}
