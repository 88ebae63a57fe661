package fr.sesame.support;

/** A file the requester tried to join does not pass the {@link AttachmentPolicy}. */
public class AttachmentRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final AttachmentPolicy.Refusal refusal;
    private final String fileName;
    private final long limit;

    /**
     * @param limit the number of files allowed for {@code TOO_MANY}, the largest size in bytes otherwise
     */
    public AttachmentRefusedException(AttachmentPolicy.Refusal refusal, String fileName, long limit) {
        super(refusal + (fileName == null ? "" : ": " + fileName));
        this.refusal = refusal;
        this.fileName = fileName;
        this.limit = limit;
    }

    /** The number of files allowed for {@code TOO_MANY}, the largest size in bytes otherwise. */
    public long limit() {
        return limit;
    }

    public AttachmentPolicy.Refusal refusal() {
        return refusal;
    }

    /** The name as typed, or null when the refusal is about the files together. */
    public String fileName() {
        return fileName;
    }
}
