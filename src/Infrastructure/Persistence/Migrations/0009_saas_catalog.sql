-- Model access groups described as the SaaS dialect (seed 002) shows them: a display name, a description and a
-- status beside the models. Groups made through /model_access_group/* leave them empty and active.

ALTER TABLE model_access_groups
    ADD COLUMN display_name text,
    ADD COLUMN description  text,
    ADD COLUMN status       text NOT NULL DEFAULT 'active';

-- A webhook may name an Authorization header value its deliveries carry (seed 002's auth_header), encrypted like
-- the signing secret.
ALTER TABLE webhooks
    ADD COLUMN auth_header_encrypted text;
