package fr.sesame.support;

import fr.sesame.web.Messages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks the files chosen in a ticket form before anything else happens, and says beside the field
 * which file is refused and why: too many, empty, too large, or neither an image nor a PDF.
 */
@FacesValidator(value = "sesame.attachments", managed = true)
public class AttachmentsValidator implements Validator<Object> {

    @Inject
    SupportSettings settings;

    @Inject
    Messages messages;

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        List<Part> parts = chosen(value);
        AttachmentPolicy policy = settings.attachments();
        if (parts.size() > policy.maxCount()) {
            throw refused(messages.text("attachment.refused.TOO_MANY", policy.maxCount()));
        }
        for (Part part : parts) {
            byte[] head;
            try (InputStream in = part.getInputStream()) {
                head = in.readNBytes(AttachmentPolicy.HEAD_BYTES);
            } catch (IOException e) {
                throw refused(messages.text("attachment.refused.unreadable", name(part)));
            }
            Optional<AttachmentPolicy.Refusal> refusal = policy.refusalOf(part.getSize(), head);
            if (refusal.isPresent()) {
                throw refused(messages.text("attachment.refused." + refusal.get(), name(part), policy.maxMegabytes()));
            }
        }
    }

    /** The parts that carry a chosen file: a form sent without a file still has an empty part. */
    static List<Part> chosen(Object value) {
        if (value instanceof Part part) {
            return chosen(List.of(part));
        }
        if (!(value instanceof Collection<?> collection)) {
            return List.of();
        }
        return collection.stream().filter(Part.class::isInstance).map(Part.class::cast)
                .filter(part -> part.getSubmittedFileName() != null && !part.getSubmittedFileName().isBlank())
                .toList();
    }

    private static String name(Part part) {
        String name = part.getSubmittedFileName();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }


    private static ValidatorException refused(String text) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
