package fr.sesame.admin;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhysicalLinesTest {

    @Test
    void numbersLinesWhateverTheirEnd() throws IOException {
        assertThat(read("a\nb\r\nc\rd")).containsExactly("1:a", "2:b", "3:c", "4:d");
    }

    @Test
    void keepsEmptyLinesAndDropsNoPhantomLastLine() throws IOException {
        assertThat(read("a\n\n\r\n\rb\n")).containsExactly("1:a", "2:", "3:", "4:", "5:b");
        assertThat(read("")).isEmpty();
    }

    @Test
    void dropsTheByteOrderMarkOfTheFirstLineOnly() throws IOException {
        assertThat(read("\uFEFFa\n\uFEFFb")).containsExactly("1:a", "2:\uFEFFb");
    }

    @Test
    void reportsTheLineThatIsNotUtf8() throws IOException {
        byte[] latin1 = "ok\nHélène\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(read(latin1, 2000)).containsExactly("1:ok", "2:NOT_UTF8");
    }

    @Test
    void reportsTooLongLinesWithoutKeepingThem() throws IOException {
        assertThat(read(("abcd\n" + "x".repeat(5) + "\nok").getBytes(StandardCharsets.UTF_8), 4))
                .containsExactly("1:abcd", "2:TOO_LONG", "3:ok");
        assertThat(read(("y".repeat(1_000_000) + "\nok").getBytes(StandardCharsets.UTF_8), 4))
                .containsExactly("1:TOO_LONG", "2:ok");
    }

    @Test
    void countsCharactersNotBytes() throws IOException {
        assertThat(read("éééé\nééééé".getBytes(StandardCharsets.UTF_8), 4)).containsExactly("1:éééé", "2:TOO_LONG");
    }

    @Test
    void readsAStreamThatGivesOneByteAtATime() throws IOException {
        InputStream trickle = new ByteArrayInputStream("a\r\nb\rc".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(read(new PhysicalLines(trickle, 10))).containsExactly("1:a", "2:b", "3:c");
    }

    private static List<String> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 2000);
    }

    private static List<String> read(byte[] bytes, int maxChars) throws IOException {
        return read(new PhysicalLines(new ByteArrayInputStream(bytes), maxChars));
    }

    private static List<String> read(PhysicalLines lines) throws IOException {
        List<String> read = new ArrayList<>();
        PhysicalLines.Line line;
        while ((line = lines.next()) != null) {
            read.add(line.number() + ":" + (line.status() == PhysicalLines.Status.TEXT ? line.text() : line.status()));
        }
        return read;
    }
}
