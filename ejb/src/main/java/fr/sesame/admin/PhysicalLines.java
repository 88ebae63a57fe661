package fr.sesame.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an uploaded file, one at a time, numbered as an editor numbers them. Lines are cut on
 * bytes and decoded one by one so that a decoding error is reported at the line that holds it, and a
 * line longer than the limit is skipped without ever being held whole: a file without any line break
 * costs no more memory than a good one. Line ends may be LF, CRLF or a lone CR (old Mac exports).
 */
final class PhysicalLines {

    enum Status { TEXT, TOO_LONG, NOT_UTF8 }

    /** @param text the decoded line without its end, without BOM; empty unless {@code status} is TEXT */
    record Line(int number, Status status, String text) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxChars;
    /** A UTF-8 character (UTF-16 unit) takes at most three bytes; more than this is too long for sure. */
    private final int maxBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean ended;

    private byte[] line;
    private int length;
    private int number;

    PhysicalLines(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        this.maxBytes = 3 * maxChars + BOM.length;
        this.line = new byte[Math.min(256, maxBytes)];
    }

    /** @return the next line, or null at the end of the file */
    Line next() throws IOException {
        int b = read();
        if (b == -1) {
            return null;
        }
        number++;
        length = 0;
        boolean overflow = false;
        while (b != -1 && b != '\n' && b != '\r') {
            if (length < maxBytes) {
                append((byte) b);
            } else {
                overflow = true;
            }
            b = read();
        }
        if (b == '\r' && read() != '\n' && !ended) {
            position--;
        }
        if (overflow) {
            return new Line(number, Status.TOO_LONG, "");
        }
        int start = number == 1 && startsWithBom() ? BOM.length : 0;
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(line, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            return new Line(number, Status.NOT_UTF8, "");
        }
        return text.length() > maxChars ? new Line(number, Status.TOO_LONG, "") : new Line(number, Status.TEXT, text);
    }

    private int read() throws IOException {
        if (position == limit) {
            if (ended) {
                return -1;
            }
            int read;
            do {
                read = in.read(buffer);
            } while (read == 0);
            if (read < 0) {
                ended = true;
                position = 0;
                limit = 0;
                return -1;
            }
            position = 0;
            limit = read;
        }
        return buffer[position++] & 0xFF;
    }

    private void append(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(line.length * 2, maxBytes));
        }
        line[length++] = b;
    }

    private boolean startsWithBom() {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }
}
