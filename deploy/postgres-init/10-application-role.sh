#!/bin/sh
# Run once by the postgres image when it creates the cluster: the role the application
# connects as (DATABASE_URL). It owns nothing; `python -m credit migrate`, run as the owner
# (MIGRATION_DATABASE_URL), grants it what the application needs on every table.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$APP_DB_PASSWORD" <<'EOSQL'
CREATE ROLE credit_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
    PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EOSQL
