-- Generated from the local stack's databases (infra/stack ServiceCatalog) by infra/deploy (DeployManifests).
-- Local passwords only: production uses a PostgreSQL of its own.
CREATE ROLE "sluice_auth" LOGIN PASSWORD 'sluice_auth';
CREATE DATABASE "sluice_auth" OWNER "sluice_auth";
CREATE ROLE "sluice_recording" LOGIN PASSWORD 'sluice_recording';
CREATE DATABASE "sluice_recording" OWNER "sluice_recording";
CREATE ROLE "sluice_simulcast" LOGIN PASSWORD 'sluice_simulcast';
CREATE DATABASE "sluice_simulcast" OWNER "sluice_simulcast";
