-- Quire schema, version 7: the command side's integration lookup.

-- Integrations: their org and sealed secret (AES-GCM with the server's key, QUIRE_SECRET_KEY; a
-- copy of this table alone does not reveal a secret), for verifying webhook deliveries. Written by
-- IntegrationLookupUpdater in the transaction that creates the integration; not a read model.
CREATE TABLE integration_lookup (
    integration_id uuid         NOT NULL PRIMARY KEY,
    org_id         uuid         NOT NULL,
    sealed_secret  varchar(200) NOT NULL
);
