package fr.sesame.mail;

/** Sends a text message to a mobile phone. */
public interface SmsGateway {

    /** @param number the mobile number in E.164 form, {@code +33612345678} */
    void send(String number, String text) throws DeliveryException;
}
