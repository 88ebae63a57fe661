package fr.sesame.support;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a requester may join to a ticket: a few images or PDF documents, each under a size limit. The
 * kind is read from the file's first bytes, never from its name or from what the browser claims, so a
 * renamed program or web page is refused. Names are cleaned of paths and characters that would mean
 * something to a file system or a header.
 */
public final class AttachmentPolicy {

    /** The kinds accepted, each with the bytes it starts with. */
    public enum Kind {
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg"),
        GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"),
        PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        public static Optional<Kind> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
        }
    }

    /** Why a file was refused; each has a French explanation in the bundles ({@code attachment.refused.*}). */
    public enum Refusal {
        EMPTY, TOO_LARGE, WRONG_KIND, TOO_MANY
    }

    /** A file as it came from the form. */
    public record Upload(String fileName, byte[] content) implements java.io.Serializable {
    }

    /** A file that passed: its clean name and its kind. */
    public record Accepted(String fileName, Kind kind, byte[] content) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Bytes enough to recognise every accepted kind. */
    public static final int HEAD_BYTES = 12;

    private final long maxBytes;
    private final int maxCount;

    public AttachmentPolicy(long maxBytes, int maxCount) {
        if (maxBytes <= 0 || maxCount < 0) {
            throw new IllegalArgumentException("A positive size and a count of zero or more");
        }
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The size limit in whole megabytes, as people read it (at least one). */
    public long maxMegabytes() {
        return megabytes(maxBytes);
    }

    /** Bytes as whole megabytes, at least one. */
    public static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    public int maxCount() {
        return maxCount;
    }

    /** The kind of these bytes, if it is one we accept. */
    public static Optional<Kind> kindOf(byte[] content) {
        if (startsWith(content, PNG, 0)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(content, JPEG, 0)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(content, GIF87, 0) || startsWith(content, GIF89, 0)) {
            return Optional.of(Kind.GIF);
        }
        if (startsWith(content, RIFF, 0) && startsWith(content, WEBP, 8)) {
            return Optional.of(Kind.WEBP);
        }
        if (startsWith(content, PDF, 0)) {
            return Optional.of(Kind.PDF);
        }
        return Optional.empty();
    }

    /** Why this one file cannot be joined, if it cannot. */
    public Optional<Refusal> refusalOf(Upload upload) {
        byte[] content = upload.content();
        return refusalOf(content == null ? 0 : content.length, content);
    }

    /**
     * Why a file of this size, starting with these bytes, cannot be joined, if it cannot: the page
     * checks a file this way before reading it whole.
     *
     * @param head the file's first {@value #HEAD_BYTES} bytes at least (or the whole of a shorter file)
     */
    public Optional<Refusal> refusalOf(long size, byte[] head) {
        if (size <= 0 || head == null || head.length == 0) {
            return Optional.of(Refusal.EMPTY);
        }
        if (size > maxBytes) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        return kindOf(head).isPresent() ? Optional.empty() : Optional.of(Refusal.WRONG_KIND);
    }

    /**
     * The files, checked and named; refused as a whole when there are too many or one does not pass
     * (the page said which, before this is called).
     */
    public List<Accepted> accept(List<Upload> uploads) throws AttachmentRefusedException {
        if (uploads.size() > maxCount) {
            throw new AttachmentRefusedException(Refusal.TOO_MANY, null, maxCount);
        }
        java.util.ArrayList<Accepted> accepted = new java.util.ArrayList<>();
        for (Upload upload : uploads) {
            Optional<Refusal> refusal = refusalOf(upload);
            if (refusal.isPresent()) {
                throw new AttachmentRefusedException(refusal.get(), upload.fileName(), maxBytes);
            }
            Kind kind = kindOf(upload.content()).orElseThrow();
            accepted.add(new Accepted(cleanName(upload.fileName(), kind), kind, upload.content()));
        }
        return accepted;
    }

    /**
     * The last segment of what the browser sent, without control or reserved characters, at most
     * {@value fr.sesame.support.TicketAttachment#MAX_FILE_NAME} characters, ending with the extension
     * of its real kind.
     */
    public static String cleanName(String typed, Kind kind) {
        String name = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && "\"*:<>?|;%".indexOf(c) < 0
                        && Character.getType(c) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        String base = clean.toString().strip().replaceAll("^\\.+", "");
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot).strip();
        }
        if (base.isEmpty()) {
            base = "piece-jointe";
        }
        String extension = "." + kind.extension();
        int room = TicketAttachment.MAX_FILE_NAME - extension.length();
        if (base.length() > room) {
            base = base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, room) - 1)).strip();
        }
        return base + extension.toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        if (content == null || content.length < at + prefix.length) {
            return false;
        }
        return Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
