// The whole domain's schema (DESIGN.md, "Data"), in three files: the book (accounts, people, features, imports,
// usage), the relationship (milestones, QBRs, touchpoints, renewals, plans) and the app's own tables (health
// snapshots, settings, trash, views, the work queue). drizzle-kit reads this file (drizzle.config.ts).
export * from './schema-app';
export * from './schema-book';
export * from './schema-relationship';
