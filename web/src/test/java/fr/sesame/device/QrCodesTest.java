package fr.sesame.device;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

    /** Draws the SVG's modules back into pixels and reads them as a phone's camera would. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int size = modules * scale;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size + x * scale + dx] = 0;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels))))
                .getText();
    }

    @Test
    void theCodeReadsBackAsTheProfilesAddress() throws Exception {
        String url = "https://sesame.ac-amiens.fr/compte/appareils/profil";
        String svg = QrCodes.svg(url, "Code QR \"profil\" <iPhone>");
        assertThat(decode(svg)).isEqualTo(url);
        assertThat(svg).startsWith("<svg ").contains("role=\"img\"", "aria-label=\"Code QR &quot;profil&quot; &lt;iPhone&gt;\"")
                .doesNotContain(url);
    }
}
