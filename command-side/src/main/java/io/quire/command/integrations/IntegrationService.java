package io.quire.command.integrations;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.integrations.CreateIntegrationCommand;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Registers integrations: generates the secret, seals it for the new integration and sends the
 * command. The clear secret exists only in the answer to the one request that created it.
 */
@Service
public class IntegrationService {

  private final CommandGateway commands;
  private final WebhookSecrets secrets;
  private final SecretBox box;

  IntegrationService(CommandGateway commands, WebhookSecrets secrets, SecretBox box) {
    this.commands = commands;
    this.secrets = secrets;
    this.box = box;
  }

  /** A new integration of the org, registered by {@code actor}, an admin of it. */
  public Created create(OrgId orgId, String name, UserId actor) {
    IntegrationId id = IntegrationId.random();
    String secret = secrets.generate();
    commands.sendAndWait(
        new CreateIntegrationCommand(id, orgId, name, box.seal(secret, id.toString()), actor));
    return new Created(id, secret);
  }

  /** The integration's id, and its secret in the clear: shown once, never stored so. */
  public record Created(IntegrationId integrationId, String secret) {}
}
