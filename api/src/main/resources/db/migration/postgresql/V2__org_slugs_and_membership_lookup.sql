-- Quire schema, version 2: org slug claims and the command side's membership lookup.

-- Orgs: slug claims. The primary key is the set validation for slugs: OrgService inserts the
-- claim and sends CreateOrgCommand in one transaction, so of concurrent creators of one slug
-- exactly one commits, and a claim exists exactly when its org's first events do.
CREATE TABLE org_slugs (
    slug       varchar(50) NOT NULL PRIMARY KEY,
    org_id     uuid        NOT NULL,
    claimed_at timestamp(6) with time zone NOT NULL
);

-- Orgs: who holds which role, for command validation (tasks check membership here). Written by
-- MembershipLookupUpdater in the transaction that appends the membership events; not a read
-- model, so rebuilding read models never touches it. Looked up by primary key only.
CREATE TABLE org_membership_lookup (
    org_id  uuid        NOT NULL,
    user_id uuid        NOT NULL,
    role    varchar(16) NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    PRIMARY KEY (org_id, user_id)
);
