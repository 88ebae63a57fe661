package fr.sesame.support;

import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the requester types about the problem, shared by the public form and the logged-in one
 * ({@code WEB-INF/includes/ticket-fields.xhtml}).
 */
public class TicketDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    /** "Je n'ai plus accès à une messagerie indispensable": the top urgency. */
    public static final int ESSENTIAL_MAIL_UNREACHABLE = 5;

    private TicketCategory category;
    private Integer urgency = 3;
    private Integer impact = 2;
    private String subject;
    private String description;
    private String errorMessage;
    private List<AttachmentPolicy.Upload> uploads = new ArrayList<>();

    public List<TicketCategory> getCategories() {
        return List.of(TicketCategory.values());
    }

    public List<Integer> getLevels() {
        return List.of(1, 2, 3, 4, 5);
    }

    public TicketCategory getCategory() {
        return category;
    }

    public void setCategory(TicketCategory category) {
        this.category = category;
    }

    public Integer getUrgency() {
        return urgency;
    }

    public void setUrgency(Integer urgency) {
        this.urgency = urgency;
    }

    public Integer getImpact() {
        return impact;
    }

    public void setImpact(Integer impact) {
        this.impact = impact;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage == null || errorMessage.isBlank() ? null : errorMessage;
    }

    /** Always empty: a browser never shows a file chosen before. */
    public List<Part> getFiles() {
        return null;
    }

    /** The files chosen, already checked by {@link AttachmentsValidator}; read here once. */
    public void setFiles(List<Part> parts) {
        uploads = new ArrayList<>();
        for (Part part : AttachmentsValidator.chosen(parts)) {
            try (var in = part.getInputStream()) {
                uploads.add(new AttachmentPolicy.Upload(part.getSubmittedFileName(), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The service refused the files after all: the requester is told beside the field and chooses again. */
    void refused(AttachmentRefusedException refusal, fr.sesame.web.Messages messages, String fieldId) {
        uploads = new ArrayList<>();
        String key = "attachment.refused." + refusal.refusal();
        if (refusal.refusal() == AttachmentPolicy.Refusal.TOO_MANY) {
            messages.fieldError(fieldId, key, refusal.limit());
        } else {
            messages.fieldError(fieldId, key, refusal.fileName(), AttachmentPolicy.megabytes(refusal.limit()));
        }
    }

    public List<AttachmentPolicy.Upload> getUploads() {
        return uploads;
    }

    /** The request, with who asks filled in by the page. */
    public Ticket.Request toRequest(String requester, String requesterName, String claimedIdentity, String contactAddress,
                                    boolean identityVerified, String uai) {
        return new Ticket.Request(requester, requesterName, claimedIdentity, contactAddress, identityVerified, uai,
                category, urgency == null ? 3 : urgency, impact == null ? 2 : impact, subject, description, errorMessage);
    }
}
