package fr.sesame.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentPolicyTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] GIF = "GIF89a..".getBytes(StandardCharsets.ISO_8859_1);

    private final AttachmentPolicy policy = new AttachmentPolicy(1024, 3);

    @Test
    void recognisesImagesAndPdfFromTheirFirstBytes() {
        assertThat(AttachmentPolicy.kindOf(PNG)).contains(AttachmentPolicy.Kind.PNG);
        assertThat(AttachmentPolicy.kindOf(JPEG)).contains(AttachmentPolicy.Kind.JPEG);
        assertThat(AttachmentPolicy.kindOf(PDF)).contains(AttachmentPolicy.Kind.PDF);
        assertThat(AttachmentPolicy.kindOf(WEBP)).contains(AttachmentPolicy.Kind.WEBP);
        assertThat(AttachmentPolicy.kindOf(GIF)).contains(AttachmentPolicy.Kind.GIF);
    }

    @Test
    void refusesWhatOnlyPretendsByItsName() {
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("capture.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))))
                .contains(AttachmentPolicy.Refusal.WRONG_KIND);
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("setup.pdf", "MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))))
                .contains(AttachmentPolicy.Refusal.WRONG_KIND);
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("riff.webp", "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))))
                .contains(AttachmentPolicy.Refusal.WRONG_KIND);
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("court.png", new byte[] {(byte) 0x89, 'P'})))
                .contains(AttachmentPolicy.Refusal.WRONG_KIND);
    }

    @Test
    void refusesEmptyAndTooLargeFiles() {
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("vide.png", new byte[0]))).contains(AttachmentPolicy.Refusal.EMPTY);
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("rien.png", null))).contains(AttachmentPolicy.Refusal.EMPTY);
        byte[] justRight = Arrays.copyOf(PNG, 1024);
        byte[] oneTooMany = Arrays.copyOf(PNG, 1025);
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("ok.png", justRight))).isEmpty();
        assertThat(policy.refusalOf(new AttachmentPolicy.Upload("gros.png", oneTooMany))).contains(AttachmentPolicy.Refusal.TOO_LARGE);
    }

    @Test
    void acceptsAtMostTheConfiguredNumberAndRefusesTheWholeBatchForOneBadFile() throws Exception {
        AttachmentPolicy.Upload png = new AttachmentPolicy.Upload("a.png", PNG);
        assertThat(policy.accept(List.of(png, png, png))).hasSize(3);
        assertThatThrownBy(() -> policy.accept(List.of(png, png, png, png)))
                .isInstanceOfSatisfying(AttachmentRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(AttachmentPolicy.Refusal.TOO_MANY);
                    assertThat(e.limit()).isEqualTo(3);
                });
        assertThatThrownBy(() -> policy.accept(List.of(png, new AttachmentPolicy.Upload("virus.exe", "MZ".getBytes(StandardCharsets.US_ASCII)))))
                .isInstanceOfSatisfying(AttachmentRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(AttachmentPolicy.Refusal.WRONG_KIND);
                    assertThat(e.fileName()).isEqualTo("virus.exe");
                });
        assertThat(new AttachmentPolicy(1024, 0).accept(List.of())).isEmpty();
    }

    @Test
    void namesLoseTheirPathControlCharactersAndFalseExtension() {
        assertThat(AttachmentPolicy.cleanName("C:\\Users\\prof\\Bureau\\Capture d’écran.png", AttachmentPolicy.Kind.PNG))
                .isEqualTo("Capture d’écran.png");
        assertThat(AttachmentPolicy.cleanName("../../etc/passwd", AttachmentPolicy.Kind.PDF)).isEqualTo("passwd.pdf");
        assertThat(AttachmentPolicy.cleanName("photo.JPEG", AttachmentPolicy.Kind.JPEG)).isEqualTo("photo.jpg");
        assertThat(AttachmentPolicy.cleanName("rapport.exe", AttachmentPolicy.Kind.PDF)).isEqualTo("rapport.pdf");
        assertThat(AttachmentPolicy.cleanName("a\"b\r\nc;d\u202Egnp.exe", AttachmentPolicy.Kind.PNG)).isEqualTo("abcdgnp.png");
        assertThat(AttachmentPolicy.cleanName("...", AttachmentPolicy.Kind.PNG)).isEqualTo("piece-jointe.png");
        assertThat(AttachmentPolicy.cleanName(null, AttachmentPolicy.Kind.GIF)).isEqualTo("piece-jointe.gif");
        String longName = AttachmentPolicy.cleanName("é".repeat(10_000) + ".png", AttachmentPolicy.Kind.PNG);
        assertThat(longName).hasSizeLessThanOrEqualTo(fr.sesame.support.TicketAttachment.MAX_FILE_NAME).endsWith("é.png");
    }
}
