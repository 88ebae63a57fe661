package fr.sesame.mail;

/** How a message reaches its recipient. Stored by name. */
public enum MessageChannel {
    EMAIL,
    SMS
}
