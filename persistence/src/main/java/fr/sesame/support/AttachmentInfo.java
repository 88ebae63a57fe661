package fr.sesame.support;

import java.io.Serializable;

/** A file joined to a ticket as a list shows it: no bytes. */
public record AttachmentInfo(Long id, String fileName, String mediaType, int size) implements Serializable {
}
