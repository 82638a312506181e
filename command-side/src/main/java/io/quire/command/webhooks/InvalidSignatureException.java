package io.quire.command.webhooks;

/**
 * A delivery that is not signed by the integration it names: a wrong or missing signature or
 * timestamp, or an integration that does not exist (the two are not told apart).
 */
public class InvalidSignatureException extends RuntimeException {
  public InvalidSignatureException() {
    super("The delivery's signature does not verify.");
  }
}
