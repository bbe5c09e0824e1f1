#!/bin/sh
# Imports this folder into a new Neo4j 5 database, one id space per node kind.
# Usage: ./import.sh [database]   (default policygraph; NEO4J_ADMIN names the neo4j-admin to run).
# The database must not exist; then CREATE DATABASE it (Enterprise), or on Community
# import into the stopped default database: ./import.sh neo4j
set -e
cd "$(dirname "$0")"
exec "${NEO4J_ADMIN:-neo4j-admin}" database import full "${1:-policygraph}" \
  --array-delimiter=';' \
  --multiline-fields=true \
  --nodes=policy.nodes.csv \
  --nodes=facility.nodes.csv \
  --nodes=cluster.nodes.csv \
  --nodes=tag.nodes.csv \
  --relationships=supersedes.policy-policy.edges.csv \
  --relationships=consolidates.policy-policy.edges.csv \
  --relationships=member_of.facility-cluster.edges.csv \
  --relationships=related_facility.policy-facility.edges.csv \
  --relationships=tagged.policy-tag.edges.csv \
  --relationships=repeals.policy-policy.edges.csv \
  --relationships=amends.policy-policy.edges.csv \
  --relationships=implements.policy-policy.edges.csv
