import { TableDefinition } from '../support/table-definition';
import { CICD_DEPLOYMENT_COMMITS, CICD_DEPLOYMENTS, CICD_SCOPES } from './cicd-tables';
import { PULL_REQUESTS, REPOS } from './code-tables';
import {
  PROJECT_INCIDENT_DEPLOYMENT_RELATIONSHIPS,
  PROJECT_MAPPING,
  PROJECT_PR_METRICS,
  PROJECTS,
} from './project-tables';
import { BOARD_ISSUES, BOARDS, INCIDENT_ASSIGNEES, INCIDENTS, ISSUE_ASSIGNEES, ISSUES } from './ticket-tables';
import { API_KEYS, WEBHOOK_CONNECTIONS, WEBHOOK_REQUESTS } from './webhook-tables';

/**
 * The schema as of CreateDomainTables (spec schema.md §3). Frozen with that migration: a later
 * schema change is a new migration with its own description, never an edit here, so replaying
 * history always builds the same tables.
 */
export const SCHEMA_V1_TABLES: readonly TableDefinition[] = [
  WEBHOOK_CONNECTIONS,
  API_KEYS,
  CICD_DEPLOYMENT_COMMITS,
  CICD_DEPLOYMENTS,
  CICD_SCOPES,
  ISSUES,
  BOARDS,
  BOARD_ISSUES,
  INCIDENTS,
  INCIDENT_ASSIGNEES,
  ISSUE_ASSIGNEES,
  PULL_REQUESTS,
  REPOS,
  PROJECTS,
  PROJECT_MAPPING,
  PROJECT_INCIDENT_DEPLOYMENT_RELATIONSHIPS,
  PROJECT_PR_METRICS,
  WEBHOOK_REQUESTS,
];
