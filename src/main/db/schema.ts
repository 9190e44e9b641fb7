// The whole domain's schema (DESIGN.md, "Data"), in two files for size: the book (accounts, people, features,
// imports, usage) and the relationship and app tables. drizzle-kit reads this file (drizzle.config.ts).
export * from './schema-book';
export * from './schema-relationship';
