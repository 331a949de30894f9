-- Run once by the postgres:15 image on first start (docker-entrypoint-initdb.d).
-- Same role and databases as deploy/local/infra.sh creates.
CREATE ROLE pushinventory LOGIN CREATEDB PASSWORD 'pushinventory';
CREATE DATABASE catalog OWNER pushinventory;
CREATE DATABASE mapping OWNER pushinventory;
CREATE DATABASE rules OWNER pushinventory;
CREATE DATABASE stock OWNER pushinventory;
CREATE DATABASE push OWNER pushinventory;
CREATE DATABASE gateway OWNER pushinventory;
