-- As V11 for the read models: H2 counts varchar lengths in UTF-16 units, the API in characters,
-- so an address of 254 characters outside the Basic Multilingual Plane needs twice the units.
ALTER TABLE accounts ALTER COLUMN email SET DATA TYPE varchar(508);
